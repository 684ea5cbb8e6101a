package dev.storefn.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.storefn.addresses.NewAddress;
import dev.storefn.catalog.Stock;
import dev.storefn.platform.provider.ActionKind;

/**
 * The one place that writes an order's {@code order_status} and {@code payment_status}: placing it, and every
 * move of {@link Order.Move}. Each move is one conditional update ({@code WHERE order_status IN (...)}), so of
 * two concurrent moves only one can win, and a cancel restores stock exactly once. All within the caller's
 * transaction.
 */
@Component
class OrderLifecycle {

    private final JdbcClient jdbc;
    private final OrderRepository orders;
    private final Stock stock;

    OrderLifecycle(JdbcClient jdbc, OrderRepository orders, Stock stock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.stock = stock;
    }

    /** A new order, processing and unpaid, with a line per product taken and the address it ships to. */
    long place(long userId, Order.Method method, NewAddress shipTo, List<Stock.Taken> lines) {
        return place(userId, method, shipTo, lines, null);
    }

    /**
     * A card order is placed with the expiry of the checkout about to be opened for it, so that if the process
     * dies before the checkout exists, the sweep still cancels it and gives its stock back.
     */
    long place(long userId, Order.Method method, NewAddress shipTo, List<Stock.Taken> lines, java.time.Instant checkoutExpiry) {
        BigDecimal total = lines.stream().map(line -> line.price().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // The order and all its lines in one statement: one round trip however many lines.
        return jdbc.sql("""
                WITH placed AS (
                    INSERT INTO orders (user_id, ship_full_name, ship_phone, ship_street, ship_city, ship_pincode, payment_method,
                                        payment_status, order_status, total_amount, stripe_session_expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'unpaid', 'processing', ?, ?) RETURNING id)
                INSERT INTO order_items (order_id, product_id, product_name, product_image, product_category, quantity, price)
                SELECT placed.id, line.product_id, line.name, line.image, line.category, line.quantity, line.price
                FROM placed, unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[])
                    AS line(product_id, name, image, category, quantity, price)
                RETURNING order_id""")
                .params(userId, shipTo.fullName(), shipTo.phone(), shipTo.street(), shipTo.city(), shipTo.pincode(), method.wire(),
                        total, checkoutExpiry == null ? null : java.sql.Timestamp.from(checkoutExpiry),
                        lines.stream().map(Stock.Taken::productId).toArray(Long[]::new),
                        lines.stream().map(Stock.Taken::name).toArray(String[]::new),
                        lines.stream().map(Stock.Taken::image).toArray(String[]::new),
                        lines.stream().map(Stock.Taken::category).toArray(String[]::new),
                        lines.stream().map(Stock.Taken::quantity).toArray(Integer[]::new),
                        lines.stream().map(line -> line.price().toPlainString()).toArray(String[]::new))
                .query(Long.class).list().get(0);
    }

    /** Moves the order if its status allows; false when it does not (or another move came first). */
    boolean move(long orderId, Order.Move move) {
        String[] from = move.from.stream().map(Order.Status::wire).toArray(String[]::new);
        boolean cancelling = move.to == Order.Status.CANCELLED;
        int moved = jdbc.sql("UPDATE orders SET order_status = ?, updated_at = now()"
                + (cancelling ? ", stock_restored = true" : "")
                + " WHERE id = ? AND order_status = ANY(?)" + (cancelling ? " AND NOT stock_restored" : ""))
                .params(move.to.wire(), orderId, from).update();
        if (moved == 1 && cancelling) {
            stock.restore(orders.quantities(orderId));
        }
        return moved == 1;
    }

    /**
     * Staff record a payment collected (cash on delivery): the order is paid unless it was cancelled; false when
     * it was (or was paid already). Payment never goes back to unpaid.
     */
    boolean markCollected(long orderId) {
        return jdbc.sql("UPDATE orders SET payment_status = 'paid', updated_at = now()"
                + " WHERE id = ? AND payment_status = 'unpaid' AND order_status <> 'cancelled'").param(orderId).update() == 1;
    }

    /**
     * Marks a card payment, keeping the payment intent for a refund. The order's status at the moment it became
     * paid (read under the row's lock, so a cancel that committed just before is seen); empty when already paid.
     */
    Optional<Order.Status> markPaid(long orderId, String paymentIntent) {
        return jdbc.sql("UPDATE orders SET payment_status = 'paid', stripe_payment_intent_id = coalesce(?, stripe_payment_intent_id),"
                + " updated_at = now() WHERE id = ? AND payment_status = 'unpaid' RETURNING order_status")
                .params(paymentIntent, orderId).query((rs, row) -> Order.Status.of(rs.getString(1))).optional();
    }

    /** An unpaid order whose checkout ended (expired, abandoned, failed) is cancelled and gives its stock back, once. */
    boolean expire(long orderId) {
        int expired = jdbc.sql("UPDATE orders SET order_status = 'cancelled', stock_restored = true, updated_at = now()"
                + " WHERE id = ? AND order_status = 'processing' AND payment_status = 'unpaid' AND NOT stock_restored")
                .param(orderId).update();
        if (expired == 1) {
            stock.restore(orders.quantities(orderId));
        }
        return expired == 1;
    }

    /** Records the checkout an order is paid through. */
    void attachCheckout(long orderId, String sessionId, java.time.Instant expiresAt) {
        jdbc.sql("UPDATE orders SET stripe_session_id = ?, stripe_session_expires_at = ?, updated_at = now() WHERE id = ?")
                .params(sessionId, java.sql.Timestamp.from(expiresAt), orderId).update();
    }

    /** Marks the order's refund as asked for; false when it was asked for already. */
    boolean refundRequested(long orderId) {
        return jdbc.sql("UPDATE orders SET refund_status = 'pending', updated_at = now() WHERE id = ? AND refund_status IS NULL")
                .param(orderId).update() == 1;
    }

    /** How an attempt at the refund ended: refunded (with the provider's id), or the provider's words, failed if for good. */
    void refundSettled(long orderId, ActionKind.Outcome outcome) {
        switch (outcome.state()) {
            case DONE -> jdbc.sql("UPDATE orders SET refund_status = 'refunded', stripe_refund_id = ?, refund_error = NULL,"
                    + " updated_at = now() WHERE id = ?").params(outcome.result(), orderId).update();
            case RETRY -> jdbc.sql("UPDATE orders SET refund_error = ? WHERE id = ?").params(outcome.error(), orderId).update();
            case FAILED -> jdbc.sql("UPDATE orders SET refund_status = 'failed', refund_error = ?, updated_at = now() WHERE id = ?")
                    .params(outcome.error(), orderId).update();
        }
    }

    /** Undoes an order whose checkout could not even be opened: its stock back, its rows gone, as if never placed. */
    void discard(long orderId) {
        Map<Long, Integer> taken = orders.quantities(orderId);
        if (jdbc.sql("DELETE FROM orders WHERE id = ? AND payment_status = 'unpaid' AND stripe_session_id IS NULL").param(orderId)
                .update() == 1) {
            stock.restore(taken);
        }
    }
}
