package dev.storefn.lambda;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import dev.storefn.platform.Unique;

/**
 * SnapStart's hooks, which the Lambda Java runtime calls through CRaC. Before the snapshot: a few requests
 * through the HTTP API function exercise the hot paths (event parsing, routing, binding, JSON, token
 * verification, a database round trip), so a restored instance does not load and interpret them on its first
 * real request; then every connection is closed, since one frozen into the snapshot would be restored long
 * dead. The requests only read, fetch nothing from Stripe or Google, and sign in nobody, so the snapshot
 * holds no session, no fetched key and no connection. After a restore: the id generator is re-seeded,
 * because every instance restored from one snapshot starts with the same memory.
 */
@Component
public class SnapStartPriming implements Resource {

    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);

    /** How long a checkpoint waits for the pool to close its connections. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** A well-formed token no key signed: verifying it still runs the HMAC, and it authenticates nobody. */
    private static final String UNSIGNED_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6IjAifQ."
            + "c3RvcmVmbi1wcmltaW5nLW5vdC1hLXNpZ25hdHVyZS0wMDAw";

    private static final List<String> PRIMING_REQUESTS = List.of(
            event("GET", "/health/", "", null),
            event("GET", "/api/products/", "page_size=1", null),
            event("GET", "/api/products/0/", "", null),
            event("GET", "/api/me/", "", "Bearer " + UNSIGNED_TOKEN),
            event("OPTIONS", "/api/cart/add/", "", null));

    private final FunctionCatalog functions;
    private final HikariDataSource pool;
    /** The pool's idle minimum before the checkpoint set it to none; null until a checkpoint. */
    private Integer minimumIdle;

    SnapStartPriming(FunctionCatalog functions, DataSource dataSource) throws SQLException {
        this.functions = functions;
        this.pool = dataSource.unwrap(HikariDataSource.class);
    }

    /**
     * Registered once the context is ready, after Spring's own CRaC resource (which stops lifecycle beans): CRaC
     * notifies in reverse order of registration before a checkpoint, so the priming runs while every bean works.
     */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
        closeConnections();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Unique.reseed();
        if (minimumIdle != null) {
            pool.setMinimumIdle(minimumIdle);
        }
        log.info("Restored from the snapshot: ids re-seeded, connections open on demand");
    }

    /** Runs the priming requests; their answers do not matter, only the code they ran. */
    void prime() {
        Function<Object, Object> httpApi = functions.lookup(ApiGatewayFunctions.HTTP_API);
        for (String event : PRIMING_REQUESTS) {
            httpApi.apply(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Closes every connection and keeps the pool from opening new ones until the restore. */
    void closeConnections() {
        minimumIdle = pool.getMinimumIdle();
        pool.setMinimumIdle(0);
        pool.getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() > 0 && System.nanoTime() < deadline && sleep(Duration.ofMillis(10))) {
            // waiting for the pool to empty
        }
        int open = pool.getHikariPoolMXBean().getTotalConnections();
        if (open == 0) {
            // The pool closes evicted connections on a thread of its own: let the last close finish.
            sleep(Duration.ofMillis(100));
        } else {
            // Checkpointing anyway: a dead connection in the snapshot fails its first use and is replaced.
            log.warn("{} connection(s) still open at the checkpoint", open);
        }
    }

    /** False when interrupted. */
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String event(String method, String path, String query, String authorization) {
        String headers = "\"host\": \"priming.local\", \"origin\": \"https://priming.local\", \"access-control-request-method\": \"POST\""
                + (authorization == null ? "" : ", \"authorization\": \"" + authorization + "\"");
        return """
                {"version": "2.0", "routeKey": "$default", "rawPath": "%s", "rawQueryString": "%s", "headers": {%s},
                 "requestContext": {"http": {"method": "%s", "path": "%s", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1"},
                 "requestId": "priming", "stage": "$default"}, "isBase64Encoded": false}"""
                .formatted(path, query, headers, method, path);
    }
}
