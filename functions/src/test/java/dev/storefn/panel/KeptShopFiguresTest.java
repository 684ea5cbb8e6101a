package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The figures the database keeps (V7__shop_figures.sql) are the ones counted from the rows, after every kind of
 * write: placing, moving, paying, deleting orders, in one transaction or many, concurrently; accounts joining and
 * erased; products added, moved between departments and removed; and after the store's zone changed.
 */
class KeptShopFiguresTest extends FiguresTestSupport {

    @Autowired
    TransactionTemplate transactions;

    /** The panel's figures counted from the rows themselves, the way the panel counted them before they were kept. */
    private Map<String, Object> counted() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM users WHERE deleted_at IS NULL) AS users, (SELECT count(*) FROM products) AS products,
                    (SELECT count(*) FROM products WHERE category = 'men') AS men,
                    (SELECT count(*) FROM products WHERE category = 'women') AS women,
                    count(*) AS orders, coalesce(sum(total_amount) FILTER (WHERE payment_status = 'paid'), 0) AS revenue,
                    count(*) FILTER (WHERE payment_method = 'cod') AS cod, count(*) FILTER (WHERE payment_method = 'stripe') AS stripe,
                    count(*) FILTER (WHERE order_status = 'processing') AS processing,
                    count(*) FILTER (WHERE order_status = 'shipped') AS shipped,
                    count(*) FILTER (WHERE order_status = 'delivered') AS delivered,
                    count(*) FILTER (WHERE order_status = 'cancelled') AS cancelled,
                    (SELECT string_agg(day || ' ' || total, ', ' ORDER BY day) FROM (
                        SELECT (created_at AT TIME ZONE 'UTC')::date AS day, sum(total_amount) AS total FROM orders
                        WHERE payment_status = 'paid' GROUP BY 1) d) AS days
                FROM orders""").query().singleRow();
    }

    private Map<String, Object> kept() {
        return jdbc.sql("""
                SELECT sum(users) AS users, sum(products) AS products, sum(men) AS men, sum(women) AS women,
                    sum(orders) AS orders, sum(revenue) AS revenue, sum(cod) AS cod, sum(stripe) AS stripe,
                    sum(processing) AS processing, sum(shipped) AS shipped, sum(delivered) AS delivered, sum(cancelled) AS cancelled,
                    (SELECT string_agg(day || ' ' || total, ', ' ORDER BY day) FROM (
                        SELECT day, sum(revenue) AS total FROM paid_days GROUP BY day HAVING sum(orders) > 0) d) AS days
                FROM shop_tallies""").query().singleRow();
    }

    private void assertKeptAsCounted() {
        Map<String, Object> counted = counted();
        Map<String, Object> kept = kept();
        counted.forEach((figure, value) -> {
            if (value instanceof Number number) {
                assertThat(new BigDecimal(kept.get(figure).toString())).as(figure).isEqualByComparingTo(number.toString());
            } else {
                assertThat(kept.get(figure)).as(figure).isEqualTo(value);
            }
        });
    }

    @Test
    void everyKindOfWriteKeepsTheFiguresAsCounted() {
        Seed seed = seed();
        long[] orders = seed.orders();
        assertThat(((Number) kept().get("orders")).longValue()).isEqualTo(7);
        assertKeptAsCounted();

        jdbc.sql("UPDATE orders SET order_status = 'shipped' WHERE id = ?").param(orders[3]).update();
        jdbc.sql("UPDATE orders SET payment_status = 'paid' WHERE id = ?").param(orders[0]).update();
        jdbc.sql("UPDATE orders SET updated_at = now(), ship_city = 'Kochi' WHERE id = ?").param(orders[1]).update();
        jdbc.sql("DELETE FROM orders WHERE id = ?").param(orders[6]).update();
        assertKeptAsCounted();

        // Placed, paid, moved and cancelled within one transaction: counted once, as it ended.
        transactions.executeWithoutResult(status -> {
            long placed = insertOrder(seed.staff().id(), "stripe", "unpaid", "processing", "12.34", "2025-05-09T08:00:00Z");
            jdbc.sql("UPDATE orders SET payment_status = 'paid' WHERE id = ?").param(placed).update();
            jdbc.sql("UPDATE orders SET order_status = 'cancelled' WHERE id = ?").param(placed).update();
            jdbc.sql("UPDATE orders SET order_status = 'delivered' WHERE id = ?").param(orders[5]).update();
        });
        assertKeptAsCounted();
        assertThat(String.valueOf(kept().get("days"))).contains("2025-05-09 12.34");

        // Rolled back: nothing counted.
        Map<String, Object> before = kept();
        try {
            transactions.executeWithoutResult(status -> {
                insertOrder(seed.staff().id(), "cod", "paid", "processing", "5.00", "2025-05-10T08:00:00Z");
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the order and its figures are gone together
        }
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void concurrentOrdersAndMovesAreAllCounted() throws Exception {
        Seed seed = seed();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int day = writer;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        transactions.executeWithoutResult(status -> {
                            long placed = insertOrder(seed.staff().id(), day % 2 == 0 ? "cod" : "stripe", "unpaid", "processing",
                                    "10.00", "2025-06-0" + (day + 1) + "T10:00:00Z");
                            jdbc.sql("UPDATE orders SET payment_status = 'paid', order_status = 'shipped' WHERE id = ?")
                                    .param(placed).update();
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(((Number) kept().get("orders")).longValue()).isEqualTo(7 + 8 * 25);
        assertKeptAsCounted();
    }

    @Test
    void aReportInAnotherZoneThanTheKeptDaysCountsThemAgain() {
        Seed seed = seed();
        jdbc.sql("UPDATE shop_figures_zone SET zone = 'Asia/Kolkata'").update();
        jdbc.sql("SELECT shop_figures_recount('Asia/Kolkata')").query().singleRow();

        JsonNode report = exactBody(call("GET", "/api/panel/reports/", seed.staff()));

        assertThat(ReportsTest.timeline(report)).containsExactly("2025-05-01 1000.20", "2025-05-02 0.20", "2025-05-03 100.00");
        assertThat(jdbc.sql("SELECT zone FROM shop_figures_zone").query(String.class).single()).isEqualTo("UTC");
        assertKeptAsCounted();
    }

    @Test
    void accountsAndProductsAreCountedAsTheyComeChangeAndGo() {
        Seed seed = seed();
        assertThat(((Number) kept().get("users")).longValue()).as("staff, shopper, blocked; not the erased").isEqualTo(3);
        assertKeptAsCounted();

        register("new@example.com", "New", "Shopper");
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE email = 'blocked@example.com'").update();
        jdbc.sql("UPDATE users SET deleted_at = NULL WHERE email = 'erased@example.com'").update();
        jdbc.sql("UPDATE products SET category = 'women' WHERE id = ?").param(seed.cap()).update();
        jdbc.sql("UPDATE products SET stock = stock + 1").update();
        jdbc.sql("DELETE FROM products WHERE id = ?").param(seed.scarf()).update();
        insertProduct("Belt", "men", "150.00", 4, "A belt");
        assertKeptAsCounted();

        jdbc.sql("TRUNCATE products RESTART IDENTITY CASCADE").update();
        assertKeptAsCounted();
        assertThat(((Number) kept().get("products")).longValue()).isZero();
    }

    @Test
    void aPageOfTheAdminListCountsEveryOrderFromTheKeptFigures() {
        Seed seed = seed();
        jdbc.sql("DELETE FROM orders WHERE id = ?").param(seed.orders()[0]).update();

        JsonNode page = exactBody(call("GET", "/api/orders/admin/all/?page=1&page_size=2", seed.staff()));

        assertThat(page.get("count").asLong()).isEqualTo(6);
        assertThat(page.get("results")).hasSize(2);
    }
}
