package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code DELETE /api/cart/wishlist/remove/{item_id}/}: removes one of the caller's wishlist items, by item id. */
@Component
@Transaction(ONE)
class RemoveFromWishlist implements Function<RemoveFromWishlist.Input, Message> {

    record Input(Caller caller, @Doc(value = "The wishlist item's id (`items[].id` of GET /api/cart/wishlist/), not the product's",
            example = "3") @Path long itemId) {
    }

    private final WishlistRepository wishlists;

    RemoveFromWishlist(WishlistRepository wishlists) {
        this.wishlists = wishlists;
    }

    @Override
    public Message apply(Input input) {
        if (!wishlists.remove(input.caller().userId(), input.itemId())) {
            throw Refusal.notFound("WishlistItem");
        }
        return new Message("Removed from wishlist");
    }
}
