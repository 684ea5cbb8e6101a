package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.FunctionsTest;
import dev.storefn.Storefn;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

class FailureResponsesTest extends FunctionsTest {

    @Test
    void anUnexpectedFailureIs500JsonWithARequestIdAndNoStackTrace() {
        jdbc.sql("ALTER TABLE products RENAME TO products_hidden").update();
        try {
            WireResponse response = get("/api/products/");
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(body(response).propertyNames()).containsExactlyInAnyOrder("detail", "request_id");
            assertThat(body(response).get("detail").asString()).isEqualTo("Internal error");
            assertThat(body(response).get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
            assertThat(new String(response.body())).doesNotContain("Exception", "SQL", "products_hidden");
        } finally {
            jdbc.sql("ALTER TABLE products_hidden RENAME TO products").update();
        }
    }

    @Test
    void aDatabaseOutageIs503JsonAndHealthSaysSo() {
        try (ConfigurableApplicationContext down = new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                // Arguments, because they outrank the DATABASE_URL system property of the test database.
                .run("--DATABASE_URL=jdbc:postgresql://127.0.0.1:9/none", "--STOREFN_MIGRATE_ON_START=false",
                        "--DB_CONNECT_TIMEOUT_MS=500")) {
            Dispatcher dispatcher = down.getBean(Dispatcher.class);
            WireResponse health = dispatcher.dispatch(new WireRequest("GET", "/health/", Map.of(), Map.of(), null, "127.0.0.1"));
            assertThat(health.status()).isEqualTo(503);
            WireResponse products = dispatcher.dispatch(
                    new WireRequest("GET", "/api/products/", Map.of(), Map.of("Accept", List.of("application/json")), null, "127.0.0.1"));
            assertThat(products.status()).isEqualTo(503);
            assertThat(products.header("Retry-After")).isEqualTo("5");
            assertThat(new String(products.body())).isEqualTo("{\"detail\":\"Service temporarily unavailable.\"}");
        }
    }
}
