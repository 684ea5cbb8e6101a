package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/cart/}: the caller's cart, created on first use. One query once it exists. */
@Component
@Transaction(NONE)
class GetCart implements Function<GetCart.Input, CartView> {

    record Input(Caller caller) {
    }

    private final CartRepository carts;

    GetCart(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public CartView apply(Input input) {
        long user = input.caller().userId();
        return carts.find(user).orElseGet(() -> {
            carts.create(user);
            return carts.find(user).orElseThrow();
        });
    }
}
