package dev.storefn.panel;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop with known figures, written to the tables: seven products, and seven orders by three users (one blocked,
 * one erased) across four UTC days, some paid, some not, some cancelled. One paid order, at 18:40 UTC, is past
 * midnight in India; another, at 23:59:59 UTC, is early next morning there.
 */
abstract class FiguresTestSupport extends PanelTestSupport {

    /** Reads numbers as they were written, so that 1100.40 stays 1100.40 and 0 stays 0. */
    private static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    record Seed(Account staff, long scarf, long cap, long socks, long dress, long jacket, long[] orders) {
    }

    JsonNode exactBody(WireResponse response) {
        return EXACT.readTree(response.body());
    }

    Seed seed() {
        Account staff = staff("staff@example.com");
        long shopper = insertUser("shopper@example.com", "Sam", "Shopper", null, false, false);
        long blocked = insertUser("blocked@example.com", "Bo", "Blocked", null, false, true);
        long erased = insertUser("erased@example.com", "", "", null, false, false);

        insertProduct("Tee", "men", "499.00", 50, "A tee");
        long cap = insertProduct("Cap", "men", "199.50", 3, "A cap");
        long scarf = insertProduct("Scarf", "women", "349.00", 0, "A scarf");
        long jacket = insertProduct("Jacket", "men", "2999.00", 12, "A jacket");
        long dress = insertProduct("Dress", "women", "1499.00", 7, "A dress");
        long socks = insertProduct("Socks", "men", "99.00", 3, "Socks");
        insertProduct("Bag", "women", "899.00", 100, "A bag");

        long[] orders = {
            insertOrder(shopper, "cod", "unpaid", "shipped", "25.00", "2025-04-30T12:00:00Z"),
            insertOrder(shopper, "cod", "paid", "delivered", "1000.10", "2025-05-01T09:00:00Z"),
            insertOrder(shopper, "stripe", "paid", "cancelled", "0.10", "2025-05-01T18:40:00Z"),
            insertOrder(shopper, "cod", "unpaid", "processing", "999.99", "2025-05-02T10:00:00Z"),
            insertOrder(blocked, "stripe", "unpaid", "cancelled", "50.00", "2025-05-02T11:00:00Z"),
            insertOrder(blocked, "stripe", "paid", "shipped", "0.20", "2025-05-02T12:00:00Z"),
            insertOrder(erased, "cod", "paid", "delivered", "100.00", "2025-05-03T23:59:59Z")};
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE id = ?").param(erased).update();
        return new Seed(staff, scarf, cap, socks, dress, jacket, orders);
    }
}
