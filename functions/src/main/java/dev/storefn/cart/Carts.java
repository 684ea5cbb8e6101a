package dev.storefn.cart;

import org.springframework.stereotype.Service;

/** What other features may do with carts and wishlists: forget a user's, when the account is erased. */
@Service
public class Carts {

    private final CartRepository carts;
    private final WishlistRepository wishlists;

    Carts(CartRepository carts, WishlistRepository wishlists) {
        this.carts = carts;
        this.wishlists = wishlists;
    }

    /** Removes the user's cart and wishlist with all their lines. */
    public void forget(long userId) {
        carts.delete(userId);
        wishlists.delete(userId);
    }
}
