package dev.storefn.panel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import dev.storefn.platform.format.Timestamps;

import dev.storefn.platform.operation.Doc;

/**
 * The SQL of the dashboard and the reports: the figures the database keeps as rows change (V7__shop_figures.sql),
 * so that no view reads every order, account or product; the newest orders and the lowest stock are short lists.
 */
@Repository
class ShopFigures {

    record NameCount(@Doc(value = "What is counted: a department, a payment method or a status, as the list says", example = "men")
            String name, @Doc(value = "How many", example = "48") long count) {
    }

    /** A store day's paid revenue; {@code name} is the day, {@code YYYY-MM-DD}. */
    record DayTotal(@Doc(value = "The day, `YYYY-MM-DD`", example = "2025-12-20") String name,
            @Doc(value = "Rupees paid on orders placed that day", example = "15994.00") BigDecimal total) {
    }

    record OrderDashboard(@Doc(value = "The order's id", example = "101") long id,
            @Doc(value = "The total in rupees, a string with two decimals", example = "1798.00") String totalAmount,
            @Doc(value = "How the buyer pays", example = "cod", allowed = {"cod", "stripe"}) String paymentMethod,
            @Doc(value = "Where the order is", example = "processing", allowed = {"processing", "shipped", "delivered", "cancelled"}) String orderStatus,
            @Doc(value = "When it was placed: ISO-8601 with the store's offset", example = "2025-12-20T14:05:09.481250+05:30")
            String createdAt) {
    }

    record ProductMini(@Doc(value = "The product's id", example = "42") long id,
            @Doc(value = "The name", example = "Batman: Dark Knight Oversized T-Shirt") String name,
            @Doc(value = "Units in stock now", example = "2") int stock,
            @Doc(value = "Rupees, as a string with two decimals", example = "899.00") String price) {
    }

    private final JdbcClient jdbc;
    private final Timestamps timestamps;
    private final String storeZone;

    ShopFigures(JdbcClient jdbc, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.storeZone = postgresZone(timestamps.zone());
    }

    /**
     * The shop's figures as the database keeps them (V7__shop_figures.sql). Accounts: erased ones are none (they left
     * the shop, as the original's deleted users did). Orders: every status, erased users' too. Revenue: orders paid
     * for, whatever became of them since, as the original counted; {@code 0} when none. The lists hold what has at
     * least one, by stored name; {@code zone} is the one the paid days are kept in.
     */
    record Tallies(long users, long products, long orders, BigDecimal revenue, List<NameCount> categories,
            List<NameCount> paymentMethods, List<NameCount> statuses, String zone) {
    }

    Tallies tallies() {
        // Every shard (the CHECK allows no other) through the primary key: after many updates in one transaction (a
        // bulk change of statuses) the shard it used holds as many dead versions, which a sequential scan reads through.
        Map<String, Object> sums = jdbc.sql("""
                SELECT sum(users) AS users, sum(products) AS products, sum(men) AS men, sum(women) AS women,
                    sum(orders) AS orders, coalesce(nullif(sum(revenue), 0), 0) AS revenue, sum(cod) AS cod, sum(stripe) AS stripe,
                    sum(cancelled) AS cancelled, sum(delivered) AS delivered, sum(processing) AS processing, sum(shipped) AS shipped,
                    (SELECT zone FROM shop_figures_zone) AS zone
                FROM shop_tallies WHERE shard < 64""").query().singleRow();
        return new Tallies(count(sums, "users"), count(sums, "products"), count(sums, "orders"), (BigDecimal) sums.get("revenue"),
                present(sums, "men", "women"), present(sums, "cod", "stripe").stream()
                        .map(method -> new NameCount(method.name().toUpperCase(Locale.ROOT), method.count())).toList(),
                present(sums, "cancelled", "delivered", "processing", "shipped").stream()
                        .map(status -> new NameCount(StringUtils.capitalize(status.name()), status.count())).toList(),
                (String) sums.get("zone"));
    }

    private static long count(Map<String, Object> sums, String column) {
        return ((Number) sums.get(column)).longValue();
    }

    /** The columns' counts that are not zero, named by their column, in the order given. */
    private static List<NameCount> present(Map<String, Object> sums, String... columns) {
        return Arrays.stream(columns).map(column -> new NameCount(column, count(sums, column))).filter(named -> named.count() != 0)
                .toList();
    }

    /** The newest orders, along {@code orders_newest_idx}. */
    List<OrderDashboard> recentOrders(int limit) {
        return jdbc.sql("SELECT id, total_amount, payment_method, order_status, created_at FROM orders"
                + " ORDER BY created_at DESC, id DESC LIMIT ?").param(limit)
                .query((rs, row) -> new OrderDashboard(rs.getLong("id"), Money.text(rs.getBigDecimal("total_amount")),
                        rs.getString("payment_method"), rs.getString("order_status"),
                        timestamps.iso(rs.getTimestamp("created_at").toInstant())))
                .list();
    }

    /** The products with the least stock, whatever it is: there is no threshold. */
    List<ProductMini> lowStock(int limit) {
        return jdbc.sql("SELECT id, name, stock, price FROM products ORDER BY stock, id LIMIT ?").param(limit)
                .query((rs, row) -> new ProductMini(rs.getLong("id"), rs.getString("name"), rs.getInt("stock"),
                        Money.text(rs.getBigDecimal("price"))))
                .list();
    }

    /**
     * Paid revenue per calendar day in the store's zone, oldest first. Days kept in another zone (the store's zone
     * was changed since {@code tallies} were read) are counted again first.
     */
    List<DayTotal> revenueByDay(Tallies tallies) {
        if (!storeZone.equals(tallies.zone())) {
            jdbc.sql("SELECT shop_figures_recount(?)").param(storeZone).query().singleRow();
        }
        return jdbc.sql("SELECT day, sum(revenue) AS total FROM paid_days GROUP BY day HAVING sum(orders) > 0 ORDER BY day")
                .query((rs, row) -> new DayTotal(rs.getObject("day", LocalDate.class).toString(), rs.getBigDecimal("total")))
                .list();
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} must be told it. Region names pass as they are; a fixed offset
     * cannot, since PostgreSQL reads {@code +05:30} (and {@code UTC+05:30}) the POSIX way, as hours west of
     * Greenwich: it is spelled out as a POSIX zone with the sign turned round.
     */
    static String postgresZone(ZoneId zone) {
        if (!(zone.normalized() instanceof ZoneOffset offset)) {
            return zone.getId();
        }
        int east = offset.getTotalSeconds();
        if (east == 0) {
            return "UTC";
        }
        int seconds = Math.abs(east);
        return String.format("STORE%s%02d:%02d:%02d", east > 0 ? "-" : "+", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
