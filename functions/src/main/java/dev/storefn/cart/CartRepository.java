package dev.storefn.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.catalog.JoinedProducts;
import dev.storefn.catalog.ProductView;

/**
 * The SQL of carts. A cart with all its lines and their products is one query. Writes first take the cart's
 * row lock ({@link #lock}), so one user's concurrent adds, updates and clears apply one after another.
 */
@Repository
class CartRepository {

    private static final String VIEW = "SELECT c.id AS cart_id, ci.id AS item_id, ci.quantity, " + JoinedProducts.columns("p")
            + " FROM carts c LEFT JOIN (cart_items ci JOIN products p ON p.id = ci.product_id) ON ci.cart_id = c.id"
            + " WHERE c.user_id = ? ORDER BY ci.id";

    private final JdbcClient jdbc;
    private final JoinedProducts products;

    CartRepository(JdbcClient jdbc, JoinedProducts products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    /** The user's cart with every line, or empty when the user has none yet. */
    Optional<CartView> find(long userId) {
        long[] cartId = {0};
        List<CartView.Item> items = new ArrayList<>();
        jdbc.sql(VIEW).param(userId).query(rs -> {
            cartId[0] = rs.getLong("cart_id");
            long itemId = rs.getLong("item_id");
            if (!rs.wasNull()) {
                ProductView product = products.view(rs);
                items.add(new CartView.Item(itemId, product, rs.getInt("quantity")));
            }
        });
        return cartId[0] == 0 ? Optional.empty() : Optional.of(new CartView(cartId[0], items));
    }

    /** Creates the user's cart unless another request just has. */
    void create(long userId) {
        jdbc.sql("INSERT INTO carts (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING").param(userId).update();
    }

    /** The user's cart id, created if need be, locked until the transaction ends. */
    long lock(long userId) {
        return jdbc.sql("INSERT INTO carts (user_id) VALUES (?) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id"
                + " RETURNING id").param(userId).query(Long.class).single();
    }

    /**
     * Adds to the user's line of a product in one statement, if the line then holds no more than the product's
     * stock and {@code maxPerLine}; false when it would not (or the product is unknown), and nothing changes.
     * It takes the cart's row lock first, as every write to a cart does; the line's new quantity is computed on
     * its latest version under its row lock, so concurrent adds each count.
     */
    boolean add(long userId, long productId, int adding, int maxPerLine) {
        return !jdbc.sql("""
                WITH cart AS (
                    INSERT INTO carts (user_id) VALUES (?) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id
                    RETURNING id)
                INSERT INTO cart_items (cart_id, product_id, quantity)
                SELECT cart.id, p.id, ? FROM cart, products p WHERE p.id = ? AND p.stock >= ?
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
                WHERE cart_items.quantity + EXCLUDED.quantity
                    <= least(?, (SELECT stock FROM products WHERE id = EXCLUDED.product_id))
                RETURNING quantity""")
                .params(userId, adding, productId, adding, maxPerLine)
                .query(Integer.class).list().isEmpty();
    }

    /** A product's stock and how many of it a cart holds (0 if none). */
    record InCart(int stock, int quantity) {
    }

    /** The product's stock and the user's line of it; empty for an unknown product. */
    Optional<InCart> stockAndQuantity(long userId, long productId) {
        return jdbc.sql("""
                SELECT p.stock, coalesce((SELECT ci.quantity FROM cart_items ci JOIN carts c ON c.id = ci.cart_id
                    WHERE c.user_id = ? AND ci.product_id = p.id), 0) AS quantity
                FROM products p WHERE p.id = ?""")
                .params(userId, productId)
                .query((rs, row) -> new InCart(rs.getInt("stock"), rs.getInt("quantity")))
                .optional();
    }

    /** The stock of the product on one of the user's cart lines; empty when the line is not theirs. */
    Optional<Integer> stockOnLine(long userId, long itemId) {
        return jdbc.sql("""
                SELECT p.stock FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN products p ON p.id = ci.product_id
                WHERE ci.id = ? AND c.user_id = ?""").params(itemId, userId).query(Integer.class).optional();
    }

    boolean updateLine(long userId, long itemId, int quantity) {
        return jdbc.sql("UPDATE cart_items ci SET quantity = ? FROM carts c WHERE ci.id = ? AND ci.cart_id = c.id AND c.user_id = ?")
                .params(quantity, itemId, userId).update() == 1;
    }

    boolean removeLine(long userId, long itemId) {
        return jdbc.sql("DELETE FROM cart_items ci USING carts c WHERE ci.id = ? AND ci.cart_id = c.id AND c.user_id = ?")
                .params(itemId, userId).update() == 1;
    }

    /** The user's cart and, by cascade, its lines. */
    void delete(long userId) {
        jdbc.sql("DELETE FROM carts WHERE user_id = ?").param(userId).update();
    }

    void emptyOf(long userId) {
        jdbc.sql("DELETE FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE user_id = ?)").param(userId).update();
    }

    void clear(long cartId) {
        jdbc.sql("DELETE FROM cart_items WHERE cart_id = ?").param(cartId).update();
    }
}
