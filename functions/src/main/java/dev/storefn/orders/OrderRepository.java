package dev.storefn.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.catalog.JoinedProducts;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.format.Timestamps;

/** The reads of orders: any number of orders with all their lines is two queries, or one read through a cursor. */
@Repository
class OrderRepository {

    private static final String COLUMNS = "o.id, o.user_id, o.ship_full_name, o.ship_phone, o.ship_street, o.ship_city,"
            + " o.ship_pincode, o.payment_method, o.payment_status, o.order_status, o.total_amount, o.stripe_session_id, o.created_at,"
            + " o.refund_status, o.refund_error";
    private static final String ITEM_COLUMNS = "i.id AS item_id, i.product_id, i.product_name, i.product_image, i.quantity,"
            + " i.price AS item_price, i.product_category, coalesce(p.stock, 0) AS stock";
    /** Rows the cursor of the whole list fetches at a time. */
    private static final int CURSOR_ROWS = 500;

    private final JdbcClient jdbc;
    private final JoinedProducts products;
    private final Timestamps timestamps;
    private final Transactions transactions;

    OrderRepository(JdbcClient jdbc, JoinedProducts products, Timestamps timestamps, Transactions transactions) {
        this.jdbc = jdbc;
        this.products = products;
        this.timestamps = timestamps;
        this.transactions = transactions;
    }

    record Page(List<OrderView> orders, long total) {
    }

    List<OrderView> ofUser(long userId) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + ", 0 AS total FROM orders o WHERE o.user_id = ?"
                + " ORDER BY o.created_at DESC, o.id DESC").param(userId).query(this::order).list());
    }

    /**
     * Every order with its lines, newest first, handed over one by one as they are read: one query read through a
     * cursor, a few hundred rows at a time, so the list is never held whole however long the shop's history (on the
     * box's 96 MB heap, 100,000 orders held as one answer ended the process). PostgreSQL's driver reads in batches only
     * within a transaction: one of its own, open for as long as the answer takes to write.
     */
    void forEachOrder(Consumer<? super OrderView> each) {
        transactions.inOne(() -> {
            OrderView[] current = {null};
            List<OrderView.Item> lines = new ArrayList<>();
            jdbc.sql("SELECT " + COLUMNS + ", " + ITEM_COLUMNS + " FROM orders o"
                    + " LEFT JOIN order_items i ON i.order_id = o.id LEFT JOIN products p ON p.id = i.product_id"
                    + " ORDER BY o.created_at DESC, o.id DESC, i.id").withFetchSize(CURSOR_ROWS).query(rs -> {
                        if (current[0] != null && current[0].id() != rs.getLong("id")) {
                            each.accept(current[0].withItems(List.copyOf(lines)));
                            current[0] = null;
                            lines.clear();
                        }
                        if (current[0] == null) {
                            current[0] = order(rs, 0);
                        }
                        rs.getLong("item_id");
                        if (!rs.wasNull()) {
                            lines.add(item(rs));
                        }
                    });
            if (current[0] != null) {
                each.accept(current[0].withItems(List.copyOf(lines)));
            }
            return null;
        });
    }

    /** A page of the orders, newest first, and how many there are in all. */
    Page page(int limit, int offset) {
        long[] total = {0};
        // The count is the one the database keeps (V7__shop_figures.sql): counted here, it would grow with the shop.
        List<OrderView> orders = jdbc.sql("SELECT " + COLUMNS + ", (SELECT sum(orders) FROM shop_tallies WHERE shard < 64) AS total"
                + " FROM orders o ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?").params(limit, offset)
                .query((rs, row) -> {
                    total[0] = rs.getLong("total");
                    return order(rs, row);
                }).list();
        return new Page(withItems(orders), total[0]);
    }

    Optional<OrderView> find(long orderId) {
        List<OrderView> found = withItems(jdbc.sql("SELECT " + COLUMNS + ", 0 AS total FROM orders o WHERE o.id = ?")
                .param(orderId).query(this::order).list());
        return found.stream().findFirst();
    }

    /** Who an order belongs to and where it stands, to decide what may be done to it. */
    record State(long userId, Order.Status status, Order.Payment payment, Order.Method method, BigDecimal total, String currency,
            String sessionId, String paymentIntent, String refund) {
    }

    Optional<State> state(long orderId) {
        return jdbc.sql("SELECT user_id, order_status, payment_status, payment_method, total_amount, currency, stripe_session_id,"
                + " stripe_payment_intent_id, stripe_refund_id FROM orders WHERE id = ?").param(orderId)
                .query((rs, row) -> new State(rs.getLong(1), Order.Status.of(rs.getString(2)), Order.Payment.of(rs.getString(3)),
                        Order.Method.of(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)))
                .optional();
    }

    /** Card orders still unpaid whose checkout should have ended by {@code before}: the sweep's work. */
    List<Long> overdueCheckouts(java.time.Instant before, int limit) {
        return jdbc.sql("SELECT id FROM orders WHERE payment_method = 'stripe' AND payment_status = 'unpaid'"
                + " AND order_status = 'processing' AND stripe_session_expires_at < ? ORDER BY stripe_session_expires_at LIMIT ?")
                .params(java.sql.Timestamp.from(before), limit).query(Long.class).list();
    }

    /** The quantities an order took, by product still in the catalog. */
    Map<Long, Integer> quantities(long orderId) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, sum(quantity) FROM order_items WHERE order_id = ? AND product_id IS NOT NULL GROUP BY product_id")
                .param(orderId).query(rs -> {
                    quantities.put(rs.getLong(1), rs.getInt(2));
                });
        return quantities;
    }

    private List<OrderView> withItems(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Long[] ids = orders.stream().map(OrderView::id).toArray(Long[]::new);
        Map<Long, List<OrderView.Item>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT i.order_id, " + ITEM_COLUMNS + " FROM order_items i LEFT JOIN products p ON p.id = i.product_id"
                + " WHERE i.order_id = ANY(?) ORDER BY i.id").param(ids)
                .query(rs -> {
                    items.computeIfAbsent(rs.getLong("order_id"), id -> new ArrayList<>()).add(item(rs));
                });
        List<OrderView> complete = new ArrayList<>();
        for (OrderView order : orders) {
            complete.add(order.withItems(items.getOrDefault(order.id(), List.of())));
        }
        return complete;
    }

    private OrderView.Item item(ResultSet rs) throws SQLException {
        long product = rs.getLong("product_id");
        Long productId = rs.wasNull() ? null : product;
        String category = rs.getString("product_category");
        return new OrderView.Item(rs.getLong("item_id"), productId, rs.getString("product_name"),
                products.imageUrl(rs.getString("product_image")), rs.getInt("quantity"), money(rs.getBigDecimal("item_price")),
                category == null ? "N/A" : category, rs.getInt("stock"));
    }

    private OrderView order(ResultSet rs, int row) throws SQLException {
        OrderView.ShippingAddress address = rs.getString("ship_full_name") == null ? null
                : new OrderView.ShippingAddress(null, rs.getString("ship_full_name"), rs.getString("ship_phone"),
                        rs.getString("ship_street"), rs.getString("ship_city"), rs.getString("ship_pincode"));
        return new OrderView(rs.getLong("id"), rs.getLong("user_id"), address, List.of(), money(rs.getBigDecimal("total_amount")),
                rs.getString("payment_method"), rs.getString("payment_status"), rs.getString("order_status"),
                rs.getString("stripe_session_id"), timestamps.plain(rs.getTimestamp("created_at").toInstant()),
                rs.getString("refund_status"), rs.getString("refund_error"));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
