package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/panel/dashboard/} against a shop whose figures are known, in the default zone (UTC). */
class DashboardTest extends FiguresTestSupport {

    @Test
    void theDashboardAddsUpTheSeededShop() {
        Seed seed = seed();

        WireResponse response = call("GET", "/api/panel/dashboard/", seed.staff());

        assertThat(response.status()).isEqualTo(200);
        JsonNode dashboard = exactBody(response);
        List<String> fields = new ArrayList<>();
        dashboard.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("total_users", "total_products", "total_orders", "total_revenue",
                "recent_orders", "category_data", "low_stock_products");
        assertThat(dashboard.get("total_users").asLong()).as("staff, shopper, blocked; not the erased").isEqualTo(3);
        assertThat(dashboard.get("total_products").asLong()).isEqualTo(7);
        assertThat(dashboard.get("total_orders").asLong()).as("every status, the erased user's too").isEqualTo(7);
        // 1000.10 + 0.10 (paid, then cancelled) + 0.20 + 100.00 (an erased user's): in floating point 1100.4000000000001.
        assertThat(dashboard.get("total_revenue").decimalValue()).isEqualTo(new BigDecimal("1100.40"));

        JsonNode recent = dashboard.get("recent_orders");
        long[] orders = seed.orders();
        assertThat(recent.findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(orders[6], orders[5], orders[4], orders[3], orders[2]);
        JsonNode newest = recent.get(0);
        List<String> orderFields = new ArrayList<>();
        newest.propertyNames().forEach(orderFields::add);
        assertThat(orderFields).containsExactlyInAnyOrder("id", "total_amount", "payment_method", "order_status", "created_at");
        assertThat(newest.get("total_amount").asString()).isEqualTo("100.00");
        assertThat(newest.get("payment_method").asString()).isEqualTo("cod");
        assertThat(newest.get("order_status").asString()).isEqualTo("delivered");
        assertThat(newest.get("created_at").asString()).isEqualTo("2025-05-03T23:59:59+00:00");

        assertThat(dashboard.get("category_data").toString()).satisfiesAnyOf(
                categories -> assertThat(categories).isEqualTo("[{\"name\":\"men\",\"count\":4},{\"name\":\"women\",\"count\":3}]"),
                categories -> assertThat(categories).isEqualTo("[{\"name\":\"women\",\"count\":3},{\"name\":\"men\",\"count\":4}]"));

        JsonNode lowStock = dashboard.get("low_stock_products");
        assertThat(lowStock.findValues("stock").stream().map(JsonNode::asInt)).containsExactly(0, 3, 3, 7, 12);
        assertThat(lowStock.findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(seed.scarf(), seed.cap(), seed.socks(), seed.dress(), seed.jacket());
        assertThat(lowStock.get(0).toString()).isEqualTo("{\"id\":" + seed.scarf() + ",\"name\":\"Scarf\",\"stock\":0,\"price\":\"349.00\"}");
    }

    @Test
    void anEmptyShopHasZeroRevenueAndEmptyLists() {
        Account staff = staff("staff@example.com");

        WireResponse response = call("GET", "/api/panel/dashboard/", staff);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"total_revenue\":0,");
        JsonNode dashboard = exactBody(response);
        assertThat(dashboard.get("total_users").asLong()).isEqualTo(1);
        assertThat(dashboard.get("total_orders").asLong()).isZero();
        assertThat(dashboard.get("recent_orders").isEmpty()).isTrue();
        assertThat(dashboard.get("category_data").isEmpty()).isTrue();
        assertThat(dashboard.get("low_stock_products").isEmpty()).isTrue();
    }
}
