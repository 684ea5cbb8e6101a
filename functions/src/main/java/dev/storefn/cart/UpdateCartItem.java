package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code PATCH /api/cart/update/{item_id}/}: sets (not adds) the quantity of one of the caller's lines. */
@Component
@Transaction(ONE)
class UpdateCartItem implements Function<UpdateCartItem.Input, Message> {

    record Input(Caller caller,
            @Doc(value = "The cart line's id (`items[].id` of GET /api/cart/), not the product's", example = "5") @Path long itemId,
            @Doc(value = "The line's new quantity, 1 to 99 and at most the stock (missing or below 1: 400 `Invalid quantity`)",
                    example = "3") @Field(required = false) Integer quantity) {
    }

    private final CartRepository carts;

    UpdateCartItem(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Message apply(Input input) {
        Integer quantity = input.quantity();
        if (quantity == null || quantity < 1) {
            throw Refusal.refused("Invalid quantity");
        }
        if (quantity > AddToCart.MAX_PER_LINE) {
            throw Refusal.refused("Maximum quantity per item is 99");
        }
        long user = input.caller().userId();
        carts.lock(user);
        int stock = carts.stockOnLine(user, input.itemId()).orElseThrow(() -> Refusal.notFound("CartItem"));
        if (stock < quantity) {
            throw Refusal.refused("Only " + stock + " item(s) available in stock.");
        }
        carts.updateLine(user, input.itemId(), quantity);
        return new Message("Quantity updated");
    }
}
