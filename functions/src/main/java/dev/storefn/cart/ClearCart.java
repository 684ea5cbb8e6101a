package dev.storefn.cart;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Message;

/** {@code DELETE /api/cart/clear/}: empties the caller's cart, also when it is empty already. */
@Component
public class ClearCart implements Function<ClearCart.Input, Message> {

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
