package dev.storefn.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.catalog.JoinedProducts;

/** The SQL of wishlists. A wishlist with all its products is one query. */
@Repository
class WishlistRepository {

    private static final String VIEW = "SELECT w.id AS wishlist_id, wi.id AS item_id, " + JoinedProducts.columns("p")
            + " FROM wishlists w LEFT JOIN (wishlist_items wi JOIN products p ON p.id = wi.product_id) ON wi.wishlist_id = w.id"
            + " WHERE w.user_id = ? ORDER BY wi.id";

    private final JdbcClient jdbc;
    private final JoinedProducts products;

    WishlistRepository(JdbcClient jdbc, JoinedProducts products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    Optional<WishlistView> find(long userId) {
        long[] wishlistId = {0};
        List<WishlistView.Item> items = new ArrayList<>();
        jdbc.sql(VIEW).param(userId).query(rs -> {
            wishlistId[0] = rs.getLong("wishlist_id");
            long itemId = rs.getLong("item_id");
            if (!rs.wasNull()) {
                items.add(new WishlistView.Item(itemId, products.view(rs)));
            }
        });
        return wishlistId[0] == 0 ? Optional.empty() : Optional.of(new WishlistView(wishlistId[0], items));
    }

    void create(long userId) {
        jdbc.sql("INSERT INTO wishlists (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING").param(userId).update();
    }

    /** The user's wishlist id, created if need be, locked until the transaction ends. */
    long lock(long userId) {
        return jdbc.sql("INSERT INTO wishlists (user_id) VALUES (?) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id"
                + " RETURNING id").param(userId).query(Long.class).single();
    }

    /** Whether the product exists, held against deletion until the transaction ends. */
    boolean productExists(long productId) {
        return jdbc.sql("SELECT 1 FROM products WHERE id = ? FOR KEY SHARE").param(productId).query(Integer.class).optional()
                .isPresent();
    }

    /** False when the product was on the wishlist already. */
    boolean add(long wishlistId, long productId) {
        return jdbc.sql("INSERT INTO wishlist_items (wishlist_id, product_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(wishlistId, productId).update() == 1;
    }

    boolean remove(long userId, long itemId) {
        return jdbc.sql("DELETE FROM wishlist_items wi USING wishlists w WHERE wi.id = ? AND wi.wishlist_id = w.id AND w.user_id = ?")
                .params(itemId, userId).update() == 1;
    }

    /** The user's wishlist and, by cascade, its items. */
    void delete(long userId) {
        jdbc.sql("DELETE FROM wishlists WHERE user_id = ?").param(userId).update();
    }
}
