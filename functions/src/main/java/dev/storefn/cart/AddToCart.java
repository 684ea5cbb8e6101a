package dev.storefn.cart;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;

/**
 * {@code POST /api/cart/add/}: adds to the product's line (one line per product). The line may hold no more
 * than the product's stock and no more than {@value #MAX_PER_LINE}, however many requests it took to get there.
 */
@Component
public class AddToCart implements Function<AddToCart.Input, Message> {

    static final int MAX_PER_LINE = 99;

    record Input(Caller caller,
            @Field(missing = "Product ID is required.", invalid = "Product ID must be a valid integer.") long productId,
            @Field(required = false, invalid = "Quantity must be a valid integer.")
            @Range(min = 1, belowMin = "Quantity must be at least 1.", max = MAX_PER_LINE,
                    aboveMax = "Maximum quantity per item is 99.") Integer quantity) {

        Input {
            quantity = quantity == null ? 1 : quantity;
        }
    }

    private final CartRepository carts;

    AddToCart(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Message apply(Input input) {
        long cart = carts.lock(input.caller().userId());
        CartRepository.InCart line = carts.stockAndQuantity(cart, input.productId()).orElseThrow(() -> Refusal.notFound("Product"));
        int stock = line.stock();
        int adding = input.quantity();
        int existing = line.quantity();
        if (existing == 0 && stock < adding) {
            throw Refusal.refused("Only " + stock + " item(s) available in stock.");
        }
        if (existing + adding > stock) {
            throw Refusal.refused("Cannot add " + adding + " more. Only " + Math.max(0, stock - existing) + " item(s) available.");
        }
        if (existing + adding > MAX_PER_LINE) {
            throw Refusal.refused("Cannot add " + adding + " more. Maximum quantity per item is " + MAX_PER_LINE + ".");
        }
        carts.setQuantity(cart, input.productId(), existing + adding);
        return new Message("Added to cart");
    }
}
