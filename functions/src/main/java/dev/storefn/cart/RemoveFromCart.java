package dev.storefn.cart;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Refusal;

/** {@code DELETE /api/cart/remove/{item_id}/}: removes one of the caller's lines, by line id. */
@Component
public class RemoveFromCart implements Function<RemoveFromCart.Input, Message> {

    record Input(Caller caller,
            @Doc(value = "The cart line's id (`items[].id` of GET /api/cart/), not the product's", example = "5") long itemId) {
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
