package dev.storefn.panel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.platform.format.Timestamps;

import dev.storefn.platform.operation.Doc;

/** The SQL of the dashboard and the reports: aggregates computed by the database, never every order read here. */
@Repository
class ShopFigures {

    /**
     * Users (erased accounts are none: they left the shop, as the original's deleted users did), products and orders
     * (every status, erased users' too), and the revenue: orders paid for, whatever became of them since, as the
     * original counted.
     */
    record Totals(long users, long products, long orders, BigDecimal revenue) {
    }

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

    private static final RowMapper<NameCount> NAME_COUNT = (rs, row) -> new NameCount(rs.getString("name"), rs.getLong("count"));

    private final JdbcClient jdbc;
    private final Timestamps timestamps;
    private final String storeZone;

    ShopFigures(JdbcClient jdbc, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.storeZone = postgresZone(timestamps.zone());
    }

    Totals totals() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM users WHERE deleted_at IS NULL) AS users,
                    (SELECT count(*) FROM products) AS products,
                    count(*) AS orders,
                    coalesce(sum(total_amount) FILTER (WHERE payment_status = 'paid'), 0) AS revenue
                FROM orders""")
                .query((rs, row) -> new Totals(rs.getLong("users"), rs.getLong("products"), rs.getLong("orders"),
                        rs.getBigDecimal("revenue")))
                .single();
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

    /** Products per category, by its stored lower-case value. */
    List<NameCount> categories() {
        return jdbc.sql("SELECT category AS name, count(*) AS count FROM products GROUP BY category ORDER BY category")
                .query(NAME_COUNT).list();
    }

    /** The products with the least stock, whatever it is: there is no threshold. */
    List<ProductMini> lowStock(int limit) {
        return jdbc.sql("SELECT id, name, stock, price FROM products ORDER BY stock, id LIMIT ?").param(limit)
                .query((rs, row) -> new ProductMini(rs.getLong("id"), rs.getString("name"), rs.getInt("stock"),
                        Money.text(rs.getBigDecimal("price"))))
                .list();
    }

    /** Paid revenue per calendar day in the store's zone, oldest first. */
    List<DayTotal> revenueByDay() {
        return jdbc.sql("""
                SELECT (created_at AT TIME ZONE ?)::date AS day, sum(total_amount) AS total FROM orders
                WHERE payment_status = 'paid' GROUP BY day ORDER BY day""").param(storeZone)
                .query((rs, row) -> new DayTotal(rs.getObject("day", LocalDate.class).toString(), rs.getBigDecimal("total")))
                .list();
    }

    /** Orders per payment method, named as the original's chart names them: {@code COD}, {@code STRIPE}. */
    List<NameCount> paymentMethods() {
        return jdbc.sql("SELECT upper(payment_method) AS name, count(*) AS count FROM orders"
                + " GROUP BY payment_method ORDER BY payment_method").query(NAME_COUNT).list();
    }

    /** Orders per status, title-cased: {@code Processing}, {@code Shipped}, ... */
    List<NameCount> statuses() {
        return jdbc.sql("SELECT initcap(order_status) AS name, count(*) AS count FROM orders"
                + " GROUP BY order_status ORDER BY order_status").query(NAME_COUNT).list();
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
        int seconds = Math.abs(east);
        return String.format("STORE%s%02d:%02d:%02d", east > 0 ? "-" : "+", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
