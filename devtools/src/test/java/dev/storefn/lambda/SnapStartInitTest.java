package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart snapshots the JVM after init (FunctionInvoker's constructor) and restores it later, maybe days
 * later: a database connection opened during init would come back dead. With template.yaml's settings, init
 * must not even try one; the first request opens it.
 */
class SnapStartInitTest {

    private static final Path EVENTS = Path.of("..", "events");

    @Test
    void initReachesForNoDatabaseAndTheFirstRequestDoes() throws Exception {
        try (RefusingDatabase database = RefusingDatabase.open();
                SystemProperties environment = SystemProperties.lambdaEnvironment(Map.of(
                        "DATABASE_URL", "postgresql://storefn:secret@127.0.0.1:" + database.port() + "/storefn",
                        "DB_CONNECT_TIMEOUT_MS", "1000"))) {
            FunctionInvoker httpApi = new FunctionInvoker();
            // Hikari's housekeeper tops the pool up to its minimum 100 ms after the pool starts.
            Thread.sleep(1000);
            assertThat(database.attempts()).as("connection attempts during init").isZero();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            httpApi.handleRequest(new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve("health-v2.json"))), out, null);
            JsonNode response = JsonMapper.builder().build().readTree(out.toByteArray());
            assertThat(response.get("statusCode").asInt()).isEqualTo(503);
            assertThat(database.attempts()).as("connection attempts by the first request").isPositive();
        }
    }
}
