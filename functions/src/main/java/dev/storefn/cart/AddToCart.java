package dev.storefn.cart;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code POST /api/cart/add/}: adds to the product's line (one line per product). The line may hold no more
 * than the product's stock and no more than {@value #MAX_PER_LINE}, however many requests it took to get there.
 */
@Component
@Transaction(ONE)
class AddToCart implements Function<AddToCart.Input, Message> {

    static final int MAX_PER_LINE = 99;

    @Doc("Adding a product already in the cart adds to its line. More than the stock (with what the line holds) is 400;"
            + " no stock is set aside until an order is placed.")
    record Input(Caller caller,
            @Doc(value = "The product to add", example = "42")
            @Field(missing = "Product ID is required.", invalid = "Product ID must be a valid integer.") long productId,
            @Doc(value = "How many to add, 1 to 99; 1 when left out", example = "2")
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
        long user = input.caller().userId();
        int adding = input.quantity();
        // The add decides in one statement; only a refused one reads the line again to say why. Should that
        // read find the add would fit after all (the stock or the line changed in between), it tries again.
        for (int attempt = 1; ; attempt++) {
            if (carts.add(user, input.productId(), adding, MAX_PER_LINE)) {
                return new Message("Added to cart");
            }
            CartRepository.InCart line = carts.stockAndQuantity(user, input.productId()).orElseThrow(() -> Refusal.notFound("Product"));
            String refusal = refusal(line.stock(), line.quantity(), adding);
            if (refusal != null || attempt == 3) {
                throw Refusal.refused(refusal != null ? refusal : "Only " + line.stock() + " item(s) available in stock.");
            }
        }
    }

    /** Why adding to a line of this stock and quantity is refused; null if it is not. */
    static String refusal(int stock, int existing, int adding) {
        if (existing == 0 && stock < adding) {
            return "Only " + stock + " item(s) available in stock.";
        }
        if (existing + adding > stock) {
            return "Cannot add " + adding + " more. Only " + Math.max(0, stock - existing) + " item(s) available.";
        }
        if (existing + adding > MAX_PER_LINE) {
            return "Cannot add " + adding + " more. Maximum quantity per item is " + MAX_PER_LINE + ".";
        }
        return null;
    }
}
