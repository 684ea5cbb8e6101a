package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * With {@code STORE_TIME_ZONE=Asia/Kolkata} (UTC+05:30) an order at 18:40 UTC on 1 May belongs to 2 May, and one
 * at 23:59:59 UTC on 3 May to 4 May: the report's days and the panel's times are the store's, not UTC's.
 */
@TestPropertySource(properties = "STORE_TIME_ZONE=Asia/Kolkata")
class StoreTimeZoneReportsTest extends FiguresTestSupport {

    @Test
    void revenueIsGroupedByTheStoresCalendarDay() {
        Seed seed = seed();

        JsonNode report = exactBody(call("GET", "/api/panel/reports/", seed.staff()));

        // In UTC: 1 May 1000.20, 2 May 0.20, 3 May 100.00.
        assertThat(ReportsTest.timeline(report)).containsExactly("2025-05-01 1000.10", "2025-05-02 0.30", "2025-05-04 100.00");
    }

    @Test
    void panelTimesCarryTheStoresOffset() {
        Seed seed = seed();

        JsonNode recent = exactBody(call("GET", "/api/panel/dashboard/", seed.staff())).get("recent_orders");

        assertThat(recent.get(0).get("created_at").asString()).isEqualTo("2025-05-04T05:29:59+05:30");
        assertThat(recent.get(4).get("created_at").asString()).isEqualTo("2025-05-02T00:10:00+05:30");
        long shopper = jdbc.sql("SELECT id FROM users WHERE email = 'shopper@example.com'").query(Long.class).single();
        JsonNode orders = exactBody(call("GET", "/api/panel/users/" + shopper + "/", seed.staff())).get("orders");
        assertThat(orders.get(1).get("created_at").asString()).isEqualTo("2025-05-02T00:10:00+05:30");
    }
}
