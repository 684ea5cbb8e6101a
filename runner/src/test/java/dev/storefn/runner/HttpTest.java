package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.storefn.devtools.aws.LambdaGateway;
import dev.storefn.devtools.database.EmbeddedPostgresDatabase;
import dev.storefn.Storefn;
import dev.storefn.devtools.aws.LocalApiGateway;
import dev.storefn.testing.Invariants;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that speak to storefn over real HTTP, as the storefront does: the runner on its embedded
 * default in a temporary data directory, one server for every subclass.
 *
 * <p>In the build's Lambda pass ({@link ThroughLambda}) the same requests go to {@code serve --via-lambda}'s
 * gateway instead: API Gateway events through {@code FunctionInvoker}, in an instance booted with the test
 * context's settings on the same embedded PostgreSQL.
 */
@SpringBootTest(classes = Storefn.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("requests")
abstract class HttpTest {

    private static final Map<ApplicationContext, LambdaGateway> GATEWAYS = new ConcurrentHashMap<>();

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The server's data directory: its embedded PostgreSQL and local media, for commands run beside it. */
    static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = TemporaryDataDirectory.create("storefn-http-test");
        registry.add("STOREFN_DATA_DIR", dataDirectory::toString);
    }

    /** Where the requests go: the web server's port, or the gateway's. */
    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void throughTheGatewayInTheLambdaPass() {
        if (ThroughLambda.active()) {
            port = GATEWAYS.computeIfAbsent(context, HttpTest::gateway).port();
        }
    }

    /** {@code serve --via-lambda} with this context's test settings, on its embedded PostgreSQL. */
    private static LambdaGateway gateway(ApplicationContext context) {
        Map<String, String> settings = new HashMap<>(ThroughLambda.settingsOf(context));
        settings.put(EmbeddedPostgresDatabase.ATTACH, "true");
        try {
            return LambdaGateway.start("127.0.0.1", 0,
                    ThroughLambda.restApi() ? LocalApiGateway.Payload.REST_API : LocalApiGateway.Payload.HTTP_API, settings);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    /** An answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body, String raw) {

        String detail() {
            return body == null || body.get("detail") == null ? null : body.get("detail").asString();
        }

        String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asString();
        }

        /** The first message of a field's errors. */
        String field(String name) {
            return body == null || body.get(name) == null ? null : body.get(name).get(0).asString();
        }
    }

    /** {@code moreHeaders}: name, value, name, value... (an {@code Idempotency-Key}, a {@code Stripe-Signature}). */
    Answer call(String method, String path, String body, String token, String... moreHeaders) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json",
                // Each call comes from an address of its own, so the sign-in rate limits do not decide the answers.
                "X-Forwarded-For", "198.18." + (CLIENTS.get() / 250 % 250) + "." + CLIENTS.incrementAndGet() % 250));
        headers.addAll(List.of(moreHeaders));
        if (token != null) {
            headers.add("Authorization");
            headers.add("Bearer " + token);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .headers(headers.toArray(String[]::new))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isNotEqualTo(500);
            if (!response.body().isEmpty()) {
                assertThat(response.headers().firstValue("Content-Type")).as(method + " " + path).hasValue("application/json");
            }
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer expect(int status, String method, String path, String body, String token) {
        Answer answer = call(method, path, body, token);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.raw()).isEqualTo(status);
        return answer;
    }

    /** Runs {@code deploy/invariants.sql} on the test database: every rule must hold. */
    void assertInvariantsHold() {
        Invariants.assertHold(jdbc);
    }

    /** A new shopper's access token. */
    String signUp(String email) {
        return expect(201, "POST", "/api/register/", "{\"email\":\"" + email + "\",\"password\":\"a long password\"}", null)
                .body().get("access").asString();
    }

    /** A card order and the Stripe Checkout Session it waits on. */
    record Placed(long orderId, String sessionId) {
    }

    /** Places an order paid by card ({@code order} says {@code "payment_method": "stripe"}): the order and its session. */
    Placed placeCardOrder(String token, String order) {
        return placedAt(expect(200, "POST", "/api/orders/create/", order, token).body().get("checkout_url").asString());
    }

    /** The order a Checkout URL ({@code .../c/pay/cs_test_...}) was opened for. */
    Placed placedAt(String checkoutUrl) {
        String session = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
        return new Placed(jdbc.sql("SELECT id FROM orders WHERE stripe_session_id = ?").param(session).query(Long.class).single(), session);
    }

    /** Nobody, a user, a blocked user and staff: name to bearer token (null for nobody). */
    Map<String, String> everyKindOfCaller(String name) {
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("anonymous", null);
        for (String kind : List.of("user", "blocked", "staff")) {
            callers.put(kind, signUp(name + "-" + kind + "@example.com"));
        }
        jdbc.sql("UPDATE users SET is_block = true WHERE email = ?").param(name + "-blocked@example.com").update();
        jdbc.sql("UPDATE users SET is_staff = true WHERE email = ?").param(name + "-staff@example.com").update();
        return callers;
    }

    long userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
    }

    /** Runs {@code count} calls of {@code task} on up to 16 threads at once; their results in submission order. */
    static <T> List<T> parallel(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    long product(String name, String price, int stock) {
        return jdbc.sql("""
                INSERT INTO products (name, price, category, description, stock) VALUES (?, ?::numeric, 'men', 'A product for tests', ?)
                RETURNING id""").params(name, price, stock).query(Long.class).single();
    }
}
