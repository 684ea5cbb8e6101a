package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.storefn.Storefn;
import dev.storefn.TestDatabase;
import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart's hooks as the Lambda runtime calls them: after the checkpoint hook no connection of the instance
 * is open at the database (with an idle minimum that would keep two), a restored instance answers at once,
 * and two instances put through checkpoint and restore hand out different session and request ids.
 */
@SpringBootTest(classes = Storefn.class, properties = "DB_MIN_IDLE=2")
class SnapStartPrimingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        TestDatabase.jdbcUrl();
    }

    @Autowired
    SnapStartPriming priming;

    @Autowired
    DataSource dataSource;

    @Autowired
    Dispatcher dispatcher;

    /** The server processes behind the pool's connections, found by holding several at once. */
    private List<Integer> backendsOfThePool() throws SQLException {
        List<Connection> held = new ArrayList<>();
        List<Integer> backends = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    backends.add(rs.getInt(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return backends;
    }

    /** Asked over a connection of the test's own: which of these server processes still serve a client. */
    private static List<Integer> stillConnected(List<Integer> backends) throws SQLException {
        List<Integer> alive = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
                PreparedStatement query = connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE pid = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("integer", backends.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    alive.add(rs.getInt(1));
                }
            }
        }
        return alive;
    }

    private static WireResponse send(Dispatcher dispatcher, String method, String path, String body, String client) {
        return dispatcher.dispatch(new WireRequest(method, path, Map.of(), Map.of("Content-Type", List.of("application/json")),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), client));
    }

    @Test
    void afterTheCheckpointHookNoConnectionIsOpenAndARestoredInstanceReconnects() throws Exception {
        // Through a pooler the server processes belong to the pooler, which keeps them whatever the pool does.
        org.junit.jupiter.api.Assumptions.assumeFalse("pgbouncer".equals(System.getProperty("storefn.pooler")),
                "the server connections seen are the pooler's");
        List<Integer> backends = backendsOfThePool();
        assertThat(stillConnected(backends)).hasSize(3);

        priming.beforeCheckpoint(null);

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isZero();
        // The server process ends a moment after its client has closed the connection.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stillConnected(backends).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stillConnected(backends)).isEmpty();
        // The idle minimum of two does not open new ones while the snapshot is taken.
        Thread.sleep(500);
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isZero();

        priming.afterRestore(null);
        assertThat(send(dispatcher, "GET", "/api/products/", null, "203.0.113.70").status()).isEqualTo(200);
        assertThat(pool.getMinimumIdle()).as("the idle minimum is back").isEqualTo(2);
    }

    @Test
    void twoRestoredInstancesHandOutDifferentSessionAndRequestIds() throws Exception {
        String email = "snapstart-" + System.nanoTime() + "@example.com";
        assertThat(send(dispatcher, "POST", "/api/register/", "{\"email\": \"" + email + "\", \"password\": \"a long password\"}",
                "203.0.113.71").status()).isEqualTo(201);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(Storefn.class).web(WebApplicationType.NONE)
                .run("--DB_MIN_IDLE=2")) {
            List<String> sessions = new ArrayList<>();
            List<String> requestIds = new ArrayList<>();
            record Instance(SnapStartPriming hooks, Dispatcher handler) {
            }
            for (Instance instance : List.of(new Instance(priming, dispatcher),
                    new Instance(second.getBean(SnapStartPriming.class), second.getBean(Dispatcher.class)))) {
                instance.hooks().beforeCheckpoint(null);
                instance.hooks().afterRestore(null);
                WireResponse login = send(instance.handler(), "POST", "/api/login/", "{\"email\": \"" + email + "\", \"password\": \"a long password\"}",
                        "203.0.113.72");
                assertThat(login.status()).isEqualTo(200);
                String refresh = JSON.readTree(login.body()).get("refresh").asString();
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(refresh.split("\\.")[1]));
                sessions.add(claims.get("sid").asString());
                requestIds.add(login.header("X-Request-Id"));
            }
            assertThat(sessions.get(0)).isNotEqualTo(sessions.get(1));
            assertThat(requestIds.get(0)).isNotEqualTo(requestIds.get(1));
        }
    }
}
