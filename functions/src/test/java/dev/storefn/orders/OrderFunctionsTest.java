package dev.storefn.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.addresses.NewAddress;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;

/** The order operations called as plain functions, with plain records. */
class OrderFunctionsTest extends FunctionsTest {

    @Autowired
    CreateOrder createOrder;

    @Autowired
    CancelOrder cancelOrder;

    @Test
    void aCashOnDeliveryOrderTakesStockAndItsCancelGivesItBack() {
        long buyer = jdbc.sql("INSERT INTO users (email) VALUES ('direct-' || gen_random_uuid() || '@example.com') RETURNING id")
                .query(Long.class).single();
        Caller caller = new Caller(buyer, "buyer@example.com", false, "session");
        long tee = insertProduct("Direct Order Tee", "men", "12.50", 4, "A tee ordered by a direct call");
        NewAddress home = new NewAddress("Ada Lovelace", "9876543210", "12 Analytical Row", "London", "560001");
        CreateOrder.Answer answer = createOrder.apply(new CreateOrder.Input(caller, List.of(new CreateOrder.Line(tee, 3, "ignored")),
                "cod", null, home));
        CreateOrder.Placed placed = (CreateOrder.Placed) answer;
        assertThat(placed.orderStatus()).isEqualTo("processing");
        assertThat(jdbc.sql("SELECT stock FROM products WHERE id = ?").param(tee).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT total_amount FROM orders WHERE id = ?").param(placed.orderId()).query(String.class).single())
                .isEqualTo("37.50");

        assertThat(cancelOrder.apply(new CancelOrder.Input(caller, placed.orderId())).message()).isEqualTo("Order cancelled successfully");
        assertThat(jdbc.sql("SELECT stock FROM products WHERE id = ?").param(tee).query(Integer.class).single()).isEqualTo(4);
        assertThatThrownBy(() -> cancelOrder.apply(new CancelOrder.Input(caller, placed.orderId())))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.getMessage()).startsWith("Cannot cancel order"));
    }
}
