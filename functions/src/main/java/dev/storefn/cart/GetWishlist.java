package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/cart/wishlist/}: the caller's wishlist, created on first use. One query once it exists. */
@Component
@Transaction(NONE)
class GetWishlist implements Function<GetWishlist.Input, WishlistView> {

    record Input(Caller caller) {
    }

    private final WishlistRepository wishlists;

    GetWishlist(WishlistRepository wishlists) {
        this.wishlists = wishlists;
    }

    @Override
    public WishlistView apply(Input input) {
        long user = input.caller().userId();
        return wishlists.find(user).orElseGet(() -> {
            wishlists.create(user);
            return wishlists.find(user).orElseThrow();
        });
    }
}
