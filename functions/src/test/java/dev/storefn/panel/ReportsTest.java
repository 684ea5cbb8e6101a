package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/panel/reports/} against a shop whose figures are known, in the default zone (UTC). */
class ReportsTest extends FiguresTestSupport {

    static Map<String, Long> counts(JsonNode distribution) {
        Map<String, Long> counts = new TreeMap<>();
        distribution.forEach(entry -> counts.put(entry.get("name").asString(), entry.get("count").asLong()));
        return counts;
    }

    static List<String> timeline(JsonNode report) {
        List<String> days = new ArrayList<>();
        report.get("revenue_timeline").forEach(day -> days.add(day.get("name").asString() + " " + day.get("total").decimalValue()));
        return days;
    }

    @Test
    void theReportAddsUpTheSeededShopByUtcDay() {
        Seed seed = seed();

        WireResponse response = call("GET", "/api/panel/reports/", seed.staff());

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = exactBody(response);
        List<String> fields = new ArrayList<>();
        report.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("total_orders", "total_revenue", "revenue_timeline", "payment_distribution",
                "status_distribution");
        assertThat(report.get("total_orders").asLong()).isEqualTo(7);
        assertThat(report.get("total_revenue").decimalValue()).isEqualTo(new BigDecimal("1100.40"));
        // Paid orders only, by calendar day; the unpaid order of 30 April makes no day of its own.
        assertThat(timeline(report)).containsExactly("2025-05-01 1000.20", "2025-05-02 0.20", "2025-05-03 100.00");
        assertThat(report.get("revenue_timeline").get(0).toString()).isEqualTo("{\"name\":\"2025-05-01\",\"total\":1000.20}");
        assertThat(counts(report.get("payment_distribution"))).isEqualTo(Map.of("COD", 4L, "STRIPE", 3L));
        assertThat(counts(report.get("status_distribution")))
                .isEqualTo(Map.of("Processing", 1L, "Shipped", 2L, "Delivered", 2L, "Cancelled", 2L));
    }

    @Test
    void anEmptyShopReportsZero() {
        Account staff = staff("staff@example.com");

        WireResponse response = call("GET", "/api/panel/reports/", staff);

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"total_orders\":0,\"total_revenue\":0,\"revenue_timeline\":[],\"payment_distribution\":[],"
                        + "\"status_distribution\":[]}");
    }
}
