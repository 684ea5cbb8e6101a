package dev.storefn;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.testing.ThroughLambda;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.wire.Json;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that run requests through the dispatcher against the test database; in the build's
 * Lambda pass ({@link ThroughLambda}) the same requests go as API Gateway events through {@code FunctionInvoker}.
 */
@SpringBootTest(classes = Storefn.class)
@Tag("requests")
public abstract class FunctionsTest {

    static {
        TestDatabase.jdbcUrl();
    }

    private static final Map<ApplicationContext, ThroughLambda.Gateway> INSTANCES = new ConcurrentHashMap<>();

    @Autowired
    private ApplicationContext context;

    @Autowired
    protected Dispatcher dispatcher;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Json json;

    protected WireResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    protected WireResponse send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return sendFrom("203.0.113.10", method, pathAndQuery, body, headers);
    }

    /** A request whose body is bytes, not text (files, multipart forms). */
    protected WireResponse sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        Map<String, List<String>> headerMap = new LinkedHashMap<>();
        headers.forEach((name, value) -> headerMap.put(name, List.of(value)));
        return deliver(new WireRequest(method, path, Map.of(), headerMap, body, "203.0.113.10"), null);
    }

    protected WireResponse post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    protected static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A request from a given client address (the socket peer; no proxy in between). */
    protected WireResponse sendFrom(String peer, String method, String pathAndQuery, String body, Map<String, String> headers) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        Map<String, List<String>> headerMap = new LinkedHashMap<>();
        headers.forEach((name, value) -> headerMap.put(name, List.of(value)));
        if (body != null) {
            headerMap.putIfAbsent("Content-Type", List.of("application/json"));
        }
        return deliver(new WireRequest(method, path, QueryStrings.parse(query), headerMap,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), peer), query);
    }

    /** To the dispatcher, or in the Lambda pass to an instance beside this context (booted on first use). */
    protected WireResponse deliver(WireRequest request, String rawQuery) {
        if (!ThroughLambda.active()) {
            return dispatcher.dispatch(request).held();
        }
        return INSTANCES.computeIfAbsent(context, beside -> ThroughLambda.open(ThroughLambda.settingsOf(beside)))
                .handle(request, rawQuery);
    }

    protected JsonNode body(WireResponse response) {
        return json.mapper().readTree(response.body());
    }

    protected long insertProduct(String name, String category, String price, int stock, String description) {
        return jdbc.sql("""
                INSERT INTO products (name, price, category, description, stock, slug, image)
                VALUES (?, ?::numeric, ?, ?, ?, NULL, NULL) RETURNING id""")
                .params(name, price, category, description, stock).query(Long.class).single();
    }
}
