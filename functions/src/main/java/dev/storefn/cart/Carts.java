package dev.storefn.cart;

import org.springframework.stereotype.Service;

/**
 * What other features may do with carts and wishlists: an order, once placed, empties its buyer's cart; an
 * erased account loses its cart and wishlist. Both within the caller's transaction.
 */
@Service
public class Carts {

    private final CartRepository carts;
    private final WishlistRepository wishlists;

    Carts(CartRepository carts, WishlistRepository wishlists) {
        this.carts = carts;
        this.wishlists = wishlists;
    }

    /** Empties the user's cart (so only if the caller's transaction commits). */
    public void empty(long userId) {
        carts.emptyOf(userId);
    }

    /** Removes the user's cart and wishlist with all their lines. */
    public void forget(long userId) {
        carts.delete(userId);
        wishlists.delete(userId);
    }
}
