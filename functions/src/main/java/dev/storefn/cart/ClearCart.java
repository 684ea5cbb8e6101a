package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Transaction;

/** {@code DELETE /api/cart/clear/}: empties the caller's cart, also when it is empty already. */
@Component
@Transaction(ONE)
class ClearCart implements Function<ClearCart.Input, Message> {

    record Input(Caller caller) {
    }

    private final CartRepository carts;

    ClearCart(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Message apply(Input input) {
        carts.clear(carts.lock(input.caller().userId()));
        return new Message("Cart cleared successfully");
    }
}
