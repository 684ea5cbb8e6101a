package dev.storefn.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * What one account may hold in unpaid orders (the defaults: 3 orders, 20 units of a product), so that one free
 * account cannot take a product's whole stock; and staff cannot mark a cancelled order paid.
 */
class UnpaidLimitsTest extends FunctionsTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String ADDRESS = "\"address\": {\"full_name\": \"Ada\", \"phone\": \"9876543210\", \"street\": \"12 Row Street\","
            + " \"city\": \"Pune\", \"pincode\": \"411001\"}";

    private String signUp() {
        int n = PEOPLE.incrementAndGet();
        WireResponse registered = sendFrom("198.51.120." + n, "POST", "/api/register/", "{\"email\":\"hoarder" + n
                + "@example.com\",\"password\":\"a long password\"}", Map.of());
        assertThat(registered.status()).isEqualTo(201);
        return body(registered).get("access").asString();
    }

    private WireResponse order(String token, long product, int quantity) {
        return send("POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + product + ", \"quantity\": "
                + quantity + "}], " + ADDRESS + "}", bearer(token));
    }

    private int stock(long product) {
        return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product).query(Integer.class).single();
    }

    @Test
    void oneAccountCannotHoardAProductsStockInUnpaidOrders() {
        long tee = insertProduct("Hoarded Tee", "men", "100.00", 150, "A product someone wants all of");
        String hoarder = signUp();
        assertThat(order(hoarder, tee, 99).status()).isEqualTo(400);
        WireResponse refused = order(hoarder, tee, 21);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(body(refused).get("error").asString()).isEqualTo("You can hold at most 20 of Hoarded Tee in unpaid orders.");
        assertThat(order(hoarder, tee, 15).status()).isEqualTo(200);
        assertThat(body(order(hoarder, tee, 6)).get("detail").asString()).isEqualTo("You can hold at most 20 of Hoarded Tee in unpaid orders.");
        assertThat(order(hoarder, tee, 5).status()).isEqualTo(200);
        assertThat(stock(tee)).as("the rest is there for everyone else").isEqualTo(130);
        assertThat(order(signUp(), tee, 20).status()).isEqualTo(200);
    }

    @Test
    void oneAccountHoldsAtMostThreeUnpaidOrdersAndAPaidOrCancelledOneMakesRoom() {
        long cap = insertProduct("Limited Cap", "men", "10.00", 50, "A product to order often");
        String buyer = signUp();
        long first = 0;
        for (int i = 0; i < 3; i++) {
            WireResponse placed = order(buyer, cap, 1);
            assertThat(placed.status()).isEqualTo(200);
            first = first == 0 ? body(placed).get("order_id").asLong() : first;
        }
        WireResponse fourth = order(buyer, cap, 1);
        assertThat(fourth.status()).isEqualTo(400);
        assertThat(body(fourth).get("error").asString()).isEqualTo("You have 3 unpaid orders. Pay for or cancel one before placing another.");
        assertThat(stock(cap)).isEqualTo(47);
        assertThat(send("POST", "/api/orders/" + first + "/cancel/", null, bearer(buyer)).status()).isEqualTo(200);
        assertThat(order(buyer, cap, 1).status()).isEqualTo(200);
    }

    @Test
    void staffCannotMarkACancelledOrderPaid() {
        long sock = insertProduct("Sock", "men", "5.00", 10, "A product to cancel");
        String buyer = signUp();
        long order = body(order(buyer, sock, 1)).get("order_id").asLong();
        String staff = signUp();
        jdbc.sql("UPDATE users SET is_staff = true WHERE email = ?").param("hoarder" + PEOPLE.get() + "@example.com").update();
        String cancelAndPay = "{\"order_status\": \"cancelled\", \"payment_status\": \"paid\"}";
        WireResponse refused = send("PATCH", "/api/orders/" + order + "/status/", cancelAndPay, bearer(staff));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(body(refused).get("error").asString()).isEqualTo("Cannot mark a cancelled order as paid.");
        assertThat(send("PATCH", "/api/orders/" + order + "/status/", "{\"order_status\": \"cancelled\"}", bearer(staff)).status())
                .isEqualTo(200);
        WireResponse paid = send("PATCH", "/api/orders/" + order + "/status/", "{\"payment_status\": \"paid\"}", bearer(staff));
        assertThat(paid.status()).isEqualTo(400);
        JsonNode now = body(send("GET", "/api/orders/" + order + "/", null, bearer(staff)));
        assertThat(now.get("payment_status").asString()).isEqualTo("unpaid");
        assertThat(now.get("order_status").asString()).isEqualTo("cancelled");
    }
}
