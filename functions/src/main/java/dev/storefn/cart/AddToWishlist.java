package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code POST /api/cart/wishlist/add/}: a product is on a wishlist at most once; adding it again changes nothing. */
@Component
@Transaction(ONE)
class AddToWishlist implements Function<AddToWishlist.Input, Message> {

    record Input(Caller caller,
            @Doc(value = "The product to keep; one already there is not added twice", example = "42") long productId) {
    }

    private final WishlistRepository wishlists;

    AddToWishlist(WishlistRepository wishlists) {
        this.wishlists = wishlists;
    }

    @Override
    public Message apply(Input input) {
        long wishlist = wishlists.lock(input.caller().userId());
        if (!wishlists.productExists(input.productId())) {
            throw Refusal.notFound("Product");
        }
        return new Message(wishlists.add(wishlist, input.productId()) ? "Added to wishlist" : "Already in wishlist");
    }
}
