package dev.storefn.cart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other features may do to carts: an order, once placed, empties its buyer's server-side cart. */
@Service
public class Carts {

    private final JdbcClient jdbc;

    Carts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties the user's cart, within the caller's transaction (so only if that transaction commits). */
    public void empty(long userId) {
        jdbc.sql("DELETE FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE user_id = ?)").param(userId).update();
    }
}
