package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Orders over real HTTP: the original's order tests, server-side prices, no overselling, idempotent retries, the state machine. */
class OrdersHttpTest extends HttpTest {

    @AfterEach
    void invariantsHold() {
        assertInvariantsHold();
    }

    private static final AtomicInteger BUYERS = new AtomicInteger();
    private static final String ADDRESS = "{\"full_name\": \"Ada Lovelace\", \"phone\": \"9876543210\", \"street\": \"12 Analytical Row\","
            + " \"city\": \"London\", \"pincode\": \"560001\"}";

    private record Buyer(String email, String token) {
    }

    private Buyer buyer() {
        String email = "buyer" + BUYERS.incrementAndGet() + "@example.com";
        return new Buyer(email, signUp(email));
    }

    private String staff() {
        Buyer staff = buyer();
        jdbc.sql("UPDATE users SET is_staff = true WHERE email = ?").param(staff.email()).update();
        return staff.token();
    }

    private static String order(long product, int quantity) {
        return "{\"payment_method\": \"COD\", \"cart\": [{\"id\": " + product + ", \"name\": \"Whatever\", \"price\": 0.01, \"quantity\": "
                + quantity + "}], \"address\": " + ADDRESS + "}";
    }

    private int stock(long product) {
        return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product).query(Integer.class).single();
    }

    private long orders(String email) {
        return jdbc.sql("SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = ?").param(email)
                .query(Long.class).single();
    }

    @Test
    void aCashOnDeliveryOrderIsPlacedProcessingAndUnpaidAtTheCatalogsPrices() {
        Buyer ada = buyer();
        long tee = product("Order Tee", "1299.99", 10);
        long cap = product("Order Cap", "0.10", 10);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", ada.token());
        JsonNode placed = expect(200, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": ["
                + "{\"id\": " + tee + ", \"name\": \"Free Tee\", \"price\": 0.01, \"quantity\": 2},"
                + "{\"id\": " + cap + ", \"price\": \"0\", \"quantity\": 3},"
                + "{\"id\": " + tee + ", \"quantity\": 1}], \"address\": " + ADDRESS + "}", ada.token()).body();
        assertThat(placed.get("message").asString()).isEqualTo("COD order placed");
        assertThat(placed.get("payment_method").asString()).isEqualTo("cod");
        assertThat(placed.get("payment_status").asString()).isEqualTo("unpaid");
        assertThat(placed.get("order_status").asString()).isEqualTo("processing");
        long id = placed.get("order_id").asLong();

        assertThat(stock(tee)).isEqualTo(7);
        assertThat(stock(cap)).isEqualTo(7);
        assertThat(expect(200, "GET", "/api/cart/", null, ada.token()).body().get("items")).isEmpty();
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, ada.token()).body()).hasSize(1);

        JsonNode mine = expect(200, "GET", "/api/orders/my/", null, ada.token()).body();
        assertThat(mine).hasSize(1);
        JsonNode order = mine.get(0);
        assertThat(order.get("id").asLong()).isEqualTo(id);
        assertThat(order.get("total_amount").asString()).isEqualTo("3900.27");
        assertThat(order.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(order.get("address").get("city").asString()).isEqualTo("London");
        assertThat(order.get("items")).hasSize(2);
        JsonNode line = order.get("items").get(0);
        assertThat(line.get("product_name").asString()).isEqualTo("Order Tee");
        assertThat(line.get("price").asString()).isEqualTo("1299.99");
        assertThat(line.get("quantity").asInt()).isEqualTo(3);
        assertThat(line.get("category").asString()).isEqualTo("men");
        assertThat(line.get("stock").asInt()).isEqualTo(7);

        // Renaming, repricing or deleting a product never rewrites an order.
        jdbc.sql("UPDATE products SET name = 'Renamed', price = 1 WHERE id = ?").param(tee).update();
        jdbc.sql("DELETE FROM products WHERE id = ?").param(cap).update();
        JsonNode later = expect(200, "GET", "/api/orders/" + id + "/", null, ada.token()).body();
        assertThat(later.get("items").get(0).get("product_name").asString()).isEqualTo("Order Tee");
        assertThat(later.get("items").get(1).get("product").isNull()).isTrue();
        assertThat(later.get("items").get(1).get("stock").asInt()).isZero();
        assertThat(later.get("total_amount").asString()).isEqualTo("3900.27");
    }

    @Test
    void badOrdersAreRefusedWithTheOriginalsWordsAndLeaveNothingBehind() {
        Buyer bob = buyer();
        long tee = product("Scarce Tee", "10.00", 2);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", bob.token());
        Answer insufficient = expect(400, "POST", "/api/orders/create/", order(tee, 3), bob.token());
        assertThat(insufficient.error()).isEqualTo("Insufficient stock for Scarce Tee. Only 2 available.");
        assertThat(insufficient.detail()).isEqualTo(insufficient.error());
        assertThat(stock(tee)).isEqualTo(2);
        assertThat(expect(200, "GET", "/api/cart/", null, bob.token()).body().get("items")).hasSize(1);
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, bob.token()).body()).isEmpty();
        assertThat(orders(bob.email())).isZero();

        assertThat(expect(400, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"address\": " + ADDRESS + "}", bob.token())
                .error()).isEqualTo("Cart is empty or invalid");
        assertThat(expect(400, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": {}, \"address\": " + ADDRESS + "}",
                bob.token()).error()).isEqualTo("Cart is empty or invalid");
        assertThat(expect(400, "POST", "/api/orders/create/", order(tee, 1).replace("COD", "cheque"), bob.token()).error())
                .isEqualTo("Invalid payment method");
        assertThat(expect(400, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + tee + ", \"quantity\": 1}]}",
                bob.token()).error()).isEqualTo("Address is required");
        assertThat(expect(400, "POST", "/api/orders/create/", order(tee, 0), bob.token()).error()).isEqualTo("Quantity must be between 1 and 99.");
        assertThat(expect(400, "POST", "/api/orders/create/", order(tee, 1).replace("\"quantity\": 1", "\"quantity\": \"lots\""), bob.token())
                .error()).isEqualTo("Invalid cart format");
        assertThat(expect(400, "POST", "/api/orders/create/", order(tee, 1).replace("9876543210", "123"), bob.token()).field("phone"))
                .isEqualTo("Phone number must be exactly 10 digits.");
        assertThat(expect(404, "POST", "/api/orders/create/", order(987654321, 1), bob.token()).error())
                .isEqualTo("Product Whatever not found");
        Buyer other = buyer();
        long othersAddress = expect(201, "POST", "/api/orders/addresses/", ADDRESS, other.token()).body().get("id").asLong();
        assertThat(expect(404, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + tee
                + ", \"quantity\": 1}], \"address_id\": " + othersAddress + "}", bob.token()).error()).isEqualTo("Address not found");
        assertThat(expect(503, "POST", "/api/orders/create/", order(tee, 1).replace("COD", "stripe"), bob.token()).error())
                .isEqualTo("Stripe is not configured");
        assertThat(stock(tee)).isEqualTo(2);
        assertThat(orders(bob.email())).isZero();
    }

    @Test
    void aSavedAddressCanBeChosenByIdAndMyOrdersListsOnlyTheCallersOrders() {
        Buyer ada = buyer();
        Buyer bob = buyer();
        long tee = product("Listed Tee", "5.00", 20);
        long address = expect(201, "POST", "/api/orders/addresses/", ADDRESS, ada.token()).body().get("id").asLong();
        for (int i = 0; i < 2; i++) {
            expect(200, "POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + tee
                    + ", \"quantity\": 1}], \"address_id\": \"" + address + "\"}", ada.token());
        }
        long bobs = expect(200, "POST", "/api/orders/create/", order(tee, 1), bob.token()).body().get("order_id").asLong();
        JsonNode mine = expect(200, "GET", "/api/orders/my/", null, ada.token()).body();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("id").asLong()).isGreaterThan(mine.get(1).get("id").asLong());
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, ada.token()).body()).hasSize(1);
        assertThat(expect(404, "GET", "/api/orders/" + bobs + "/", null, ada.token()).error()).isEqualTo("Order not found");
        String staff = staff();
        assertThat(expect(200, "GET", "/api/orders/" + bobs + "/", null, staff).body().get("id").asLong()).isEqualTo(bobs);
        assertThat(expect(403, "GET", "/api/orders/admin/all/", null, ada.token()).status()).isEqualTo(403);
        JsonNode all = expect(200, "GET", "/api/orders/admin/all/", null, staff).body();
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        JsonNode page = expect(200, "GET", "/api/orders/admin/all/?page_size=2", null, staff).body();
        assertThat(page.get("results")).hasSize(2);
        assertThat(page.get("count").asLong()).isEqualTo(all.size());
    }

    @Test
    void fiftyBuyersForTenUnitsMakeExactlyTenOrders() throws Exception {
        long limited = product("Limited Tee", "49.00", 10);
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(buyer());
        }
        AtomicInteger next = new AtomicInteger();
        List<Answer> answers = parallel(50, () -> call("POST", "/api/orders/create/", order(limited, 1),
                buyers.get(next.getAndIncrement()).token()));
        assertThat(answers).extracting(Answer::status).containsOnly(200, 400);
        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSize(10);
        assertThat(answers.stream().filter(answer -> answer.status() == 400))
                .allSatisfy(answer -> assertThat(answer.error()).startsWith("Insufficient stock for Limited Tee. Only "));
        assertThat(stock(limited)).isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = ?").param(limited)
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void anIdempotencyKeyMakesRetriesReturnTheFirstAnswerAndConcurrentOnesOneOrder() throws Exception {
        Buyer ada = buyer();
        long tee = product("Retried Tee", "20.00", 100);
        Answer first = keyed("key-1", order(tee, 1), ada.token());
        Answer again = keyed("key-1", order(tee, 1), ada.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(orders(ada.email())).isEqualTo(1);
        assertThat(keyed("key-1", order(tee, 2), ada.token()).status()).isEqualTo(422);
        assertThat(keyed("key-2", order(tee, 2), ada.token()).status()).isEqualTo(200);
        assertThat(orders(ada.email())).isEqualTo(2);

        // A retry that overtakes the first attempt is told to come back (409); one order either way.
        List<Answer> racing = parallel(10, () -> keyed("key-3", order(tee, 1), ada.token()));
        assertThat(racing).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 409));
        List<String> answered = racing.stream().filter(answer -> answer.status() == 200).map(Answer::raw).distinct().toList();
        assertThat(answered).hasSize(1);
        assertThat(keyed("key-3", order(tee, 1), ada.token()).raw()).isEqualTo(answered.get(0));
        assertThat(orders(ada.email())).isEqualTo(3);
        assertThat(stock(tee)).isEqualTo(100 - 1 - 2 - 1);
        // An account holds at most three unpaid orders: the first is cancelled to make room for the next.
        expect(200, "POST", "/api/orders/" + first.body().get("order_id").asLong() + "/cancel/", null, ada.token());
        // A refused first attempt keeps no key: the retry runs afresh.
        assertThat(keyed("key-4", order(tee, 500), ada.token()).status()).isEqualTo(400);
        assertThat(keyed("key-4", order(tee, 500).replace("500", "1"), ada.token()).status()).isEqualTo(200);
    }

    private Answer keyed(String key, String body, String token) {
        return call("POST", "/api/orders/create/", body, token, "Idempotency-Key", key);
    }

    @Test
    void theBuyerCancelsAProcessingOrderAndStockComesBackOnceUnderConcurrentCancels() throws Exception {
        Buyer ada = buyer();
        long tee = product("Cancelled Tee", "10.00", 10);
        long id = expect(200, "POST", "/api/orders/create/", order(tee, 4), ada.token()).body().get("order_id").asLong();
        assertThat(stock(tee)).isEqualTo(6);
        Buyer bob = buyer();
        assertThat(expect(404, "POST", "/api/orders/" + id + "/cancel/", null, bob.token()).error()).isEqualTo("Order not found");

        List<Answer> cancels = parallel(8, () -> call("POST", "/api/orders/" + id + "/cancel/", null, ada.token()));
        assertThat(cancels.stream().filter(answer -> answer.status() == 200)).hasSize(1);
        assertThat(cancels.stream().filter(answer -> answer.status() == 400))
                .allSatisfy(answer -> assertThat(answer.error())
                        .isEqualTo("Cannot cancel order with status 'cancelled'. Only 'processing' orders can be cancelled."));
        Answer done = cancels.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow();
        assertThat(done.body().get("message").asString()).isEqualTo("Order cancelled successfully");
        assertThat(done.body().get("refund_info").isNull()).isTrue();
        assertThat(stock(tee)).isEqualTo(10);
        assertThat(expect(200, "GET", "/api/orders/" + id + "/", null, ada.token()).body().get("order_status").asString())
                .isEqualTo("cancelled");
    }

    @Test
    void theDashboardAndReportsCountRealOrdersAndTheirPaymentsExactly() {
        String staff = staff();
        JsonNode before = expect(200, "GET", "/api/panel/dashboard/", null, staff).body();
        JsonNode reportBefore = expect(200, "GET", "/api/panel/reports/", null, staff).body();
        Buyer ada = buyer();
        long tee = product("Counted Tee", "1299.99", 10);
        long paid = expect(200, "POST", "/api/orders/create/", order(tee, 1), ada.token()).body().get("order_id").asLong();
        expect(200, "POST", "/api/orders/create/", order(tee, 2), ada.token());
        long cancelled = expect(200, "POST", "/api/orders/create/", order(tee, 3), ada.token()).body().get("order_id").asLong();
        expect(200, "PATCH", "/api/orders/" + paid + "/status/", "{\"payment_status\": \"paid\"}", staff);
        expect(200, "POST", "/api/orders/" + cancelled + "/cancel/", null, ada.token());

        JsonNode after = expect(200, "GET", "/api/panel/dashboard/", null, staff).body();
        assertThat(after.get("total_orders").asLong() - before.get("total_orders").asLong()).isEqualTo(3);
        assertThat(after.get("total_revenue").decimalValue().subtract(before.get("total_revenue").decimalValue()))
                .isEqualByComparingTo("1299.99");
        assertThat(after.get("recent_orders").get(0).get("id").asLong()).isEqualTo(cancelled);
        JsonNode report = expect(200, "GET", "/api/panel/reports/", null, staff).body();
        assertThat(report.get("total_orders").asLong() - reportBefore.get("total_orders").asLong()).isEqualTo(3);
        assertThat(report.get("total_revenue").decimalValue()).isEqualByComparingTo(after.get("total_revenue").decimalValue());
    }

    @Test
    void staffMoveOrdersAlongTheStateMachineOnly() throws Exception {
        Buyer ada = buyer();
        String staff = staff();
        long tee = product("Shipped Tee", "10.00", 10);
        long id = expect(200, "POST", "/api/orders/create/", order(tee, 2), ada.token()).body().get("order_id").asLong();
        String status = "/api/orders/" + id + "/status/";
        JsonNode shipped = expect(200, "PATCH", status, "{\"order_status\": \"Shipped\"}", staff).body();
        assertThat(shipped.get("message").asString()).isEqualTo("Order updated successfully");
        assertThat(shipped.get("order").get("order_status").asString()).isEqualTo("shipped");
        assertThat(expect(400, "POST", "/api/orders/" + id + "/cancel/", null, ada.token()).error())
                .isEqualTo("Cannot cancel order with status 'shipped'. Only 'processing' orders can be cancelled.");
        assertThat(expect(400, "PATCH", status, "{\"order_status\": \"processing\"}", staff).error())
                .isEqualTo("Cannot change order status from 'shipped' to 'processing'.");
        assertThat(expect(400, "PATCH", status, "{\"order_status\": \"lost\"}", staff).error())
                .isEqualTo("Invalid order status. Must be one of: processing, shipped, delivered, cancelled");
        assertThat(expect(400, "PATCH", status, "{\"payment_status\": \"refunded\"}", staff).error())
                .isEqualTo("Invalid payment status. Must be one of: unpaid, paid");
        assertThat(expect(200, "PATCH", status, "{\"order_status\": \"\", \"payment_status\": \"PAID\"}", staff).body()
                .get("order").get("payment_status").asString()).isEqualTo("paid");
        assertThat(expect(400, "PATCH", status, "{\"payment_status\": \"unpaid\"}", staff).error())
                .isEqualTo("Cannot change payment status from 'paid' back to 'unpaid'.");
        assertThat(expect(404, "PATCH", "/api/orders/987654321/status/", "{\"order_status\": \"shipped\"}", staff).error())
                .isEqualTo("Order not found");
        assertThat(expect(403, "PATCH", status, "{\"order_status\": \"delivered\"}", ada.token()).status()).isEqualTo(403);

        // A shipped order stopped by staff gives its stock back once, however many try at once (setting the status
        // an order already has changes nothing, so late ones may also answer 200).
        List<Answer> cancels = parallel(6, () -> call("PATCH", status, "{\"order_status\": \"cancelled\"}", staff));
        assertThat(cancels).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 400));
        assertThat(stock(tee)).isEqualTo(10);
        assertThat(expect(400, "PATCH", status, "{\"order_status\": \"delivered\"}", staff).error())
                .isEqualTo("Cannot change order status from 'cancelled' to 'delivered'.");

        long other = expect(200, "POST", "/api/orders/create/", order(tee, 1), ada.token()).body().get("order_id").asLong();
        expect(200, "PATCH", "/api/orders/" + other + "/status/", "{\"order_status\": \"shipped\"}", staff);
        assertThat(expect(200, "PATCH", "/api/orders/" + other + "/status/", "{\"order_status\": \"delivered\"}", staff).body()
                .get("order").get("order_status").asString()).isEqualTo("delivered");
        assertThat(expect(400, "PATCH", "/api/orders/" + other + "/status/", "{\"order_status\": \"cancelled\"}", staff).error())
                .isEqualTo("Cannot change order status from 'delivered' to 'cancelled'.");
        assertThat(stock(tee)).isEqualTo(9);
    }
}
