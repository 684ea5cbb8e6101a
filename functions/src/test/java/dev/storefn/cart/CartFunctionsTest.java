package dev.storefn.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;

/** The cart operations called as plain functions, with plain records. */
class CartFunctionsTest extends FunctionsTest {

    @Autowired
    AddToCart addToCart;

    @Autowired
    GetCart getCart;

    private Caller shopper;

    @BeforeEach
    void shopper() {
        long id = jdbc.sql("INSERT INTO users (email) VALUES ('cart-' || gen_random_uuid() || '@example.com') RETURNING id")
                .query(Long.class).single();
        shopper = new Caller(id, "shopper@example.com", false, "session");
    }

    @Test
    void addToCartSumsOneLineAndRefusesMoreThanTheStock() {
        long tee = insertProduct("Direct Tee", "men", "10.00", 5, "A tee for a direct call");
        assertThat(addToCart.apply(new AddToCart.Input(shopper, tee, 2)).message()).isEqualTo("Added to cart");
        assertThat(addToCart.apply(new AddToCart.Input(shopper, tee, null)).message()).isEqualTo("Added to cart");
        CartView cart = getCart.apply(new GetCart.Input(shopper));
        assertThat(cart.items()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(3));
        assertThatThrownBy(() -> addToCart.apply(new AddToCart.Input(shopper, tee, 3)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.getMessage())
                        .isEqualTo("Cannot add 3 more. Only 2 item(s) available."));
    }
}
