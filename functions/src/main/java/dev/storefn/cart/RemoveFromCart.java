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

/** {@code DELETE /api/cart/remove/{item_id}/}: removes one of the caller's lines, by line id. */
@Component
@Transaction(ONE)
class RemoveFromCart implements Function<RemoveFromCart.Input, Message> {

    record Input(Caller caller,
            @Doc(value = "The cart line's id (`items[].id` of GET /api/cart/), not the product's", example = "5") @Path long itemId) {
    }

    private final CartRepository carts;

    RemoveFromCart(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Message apply(Input input) {
        if (!carts.removeLine(input.caller().userId(), input.itemId())) {
            throw Refusal.notFound("CartItem");
        }
        return new Message("Removed");
    }
}
