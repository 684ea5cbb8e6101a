package dev.storefn.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.storefn.catalog.Stock;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.Misconfiguration;

/**
 * What one account may hold in orders it has not paid (cash on delivery not yet collected, card checkouts
 * still open): at most {@code UNPAID_ORDERS_PER_ACCOUNT} such orders, and at most
 * {@code UNPAID_UNITS_PER_PRODUCT} units of one product across them, so that one free account cannot take a
 * product's whole stock away from everyone else without paying. The original had no limit.
 */
@Component
class UnpaidLimits {

    private final JdbcClient jdbc;
    private final int orders;
    private final int units;

    UnpaidLimits(JdbcClient jdbc, @Value("${UNPAID_ORDERS_PER_ACCOUNT:3}") int orders,
            @Value("${UNPAID_UNITS_PER_PRODUCT:20}") int units) {
        if (orders < 1 || units < 1) {
            throw new Misconfiguration("UNPAID_ORDERS_PER_ACCOUNT and UNPAID_UNITS_PER_PRODUCT must be at least 1");
        }
        this.jdbc = jdbc;
        this.orders = orders;
        this.units = units;
    }

    /**
     * Refuses a new order of {@code taken} when, with it, the account would hold more than the limits allow. In the
     * order's transaction: one account's orders are checked one after another, so two at once cannot both pass.
     */
    void check(long userId, List<Stock.Taken> taken) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('orders.unpaid', ?))").param(userId).query((rs, row) -> true).list();
        Long[] products = taken.stream().map(Stock.Taken::productId).toArray(Long[]::new);
        int[] openOrders = {0};
        Map<Long, Integer> held = new HashMap<>();
        // One query: the open unpaid orders, and what they hold of these products (a row with no product if nothing).
        jdbc.sql("""
                WITH open AS (SELECT id FROM orders
                              WHERE user_id = ? AND payment_status = 'unpaid' AND order_status IN ('processing', 'shipped'))
                SELECT (SELECT count(*) FROM open), i.product_id, sum(i.quantity)
                FROM (SELECT 1) one
                LEFT JOIN (order_items i JOIN open ON open.id = i.order_id) ON i.product_id = ANY(?)
                GROUP BY i.product_id""").params(userId, products).query(rs -> {
                    openOrders[0] = rs.getInt(1);
                    long product = rs.getLong(2);
                    if (!rs.wasNull()) {
                        held.put(product, rs.getInt(3));
                    }
                });
        if (openOrders[0] >= orders) {
            throw Refusal.refused("You have " + openOrders[0] + " unpaid orders. Pay for or cancel one before placing another.");
        }
        for (Stock.Taken line : taken) {
            if (held.getOrDefault(line.productId(), 0) + line.quantity() > units) {
                throw Refusal.refused("You can hold at most " + units + " of " + line.name() + " in unpaid orders.");
            }
        }
    }
}
