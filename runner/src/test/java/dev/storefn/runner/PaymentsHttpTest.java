package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.stripe.net.Webhook;

import tools.jackson.databind.JsonNode;

/** Card orders through the real stripe-java against a local stand-in of Stripe, over real HTTP. */
class PaymentsHttpTest extends HttpTest {

    @AfterEach
    void invariantsHold() {
        assertInvariantsHold();
    }

    private static final String WEBHOOK_SECRET = "whsec_storefn_test_secret";
    private static final StripeStandIn STRIPE = new StripeStandIn();
    private static final AtomicInteger BUYERS = new AtomicInteger();
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final String ADDRESS = "{\"full_name\": \"Ada Lovelace\", \"phone\": \"9876543210\", \"street\": \"12 Analytical Row\","
            + " \"city\": \"London\", \"pincode\": \"560001\"}";

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("STRIPE_SECRET_KEY", () -> "sk_test_storefn");
        registry.add("STRIPE_API_BASE", STRIPE::base);
        registry.add("STRIPE_WEBHOOK_SECRET", () -> WEBHOOK_SECRET);
        registry.add("FRONTEND_URL", () -> "https://shop.example");
        // The storm's buyer has a hundred checkouts open at once, past what one account may hold in a shop.
        registry.add("UNPAID_ORDERS_PER_ACCOUNT", () -> "1000");
        registry.add("UNPAID_UNITS_PER_PRODUCT", () -> "1000");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @Autowired
    FunctionCatalog catalog;

    @Autowired
    dev.storefn.platform.database.LocalDatabase database;

    @Autowired
    org.springframework.core.env.Environment environment;

    private String buyer() {
        return signUp("payer" + BUYERS.incrementAndGet() + "@example.com");
    }

    private static String order(long product, int quantity) {
        return "{\"payment_method\": \"stripe\", \"cart\": [{\"id\": " + product + ", \"price\": 0.01, \"quantity\": " + quantity
                + "}], \"address\": " + ADDRESS + "}";
    }

    private int stock(long product) {
        return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product).query(Integer.class).single();
    }

    private Placed checkout(String token, long product, int quantity) {
        return placeCardOrder(token, order(product, quantity));
    }

    /** The order's refund state and the provider's id for it: {@code refunded re_12}. */
    private String refund(long orderId) {
        return jdbc.sql("SELECT coalesce(refund_status, '-') || ' ' || coalesce(stripe_refund_id, '-') FROM orders WHERE id = ?")
                .param(orderId).query(String.class).single();
    }

    private String status(long orderId) {
        return jdbc.sql("SELECT order_status || '/' || payment_status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
    }

    private String event(String type, Placed placed, String paymentStatus, long amount, String currency) {
        return "{\"id\": \"evt_" + EVENTS.incrementAndGet() + "\", \"object\": \"event\", \"api_version\": \"2099-01-01.future\","
                + " \"type\": \"" + type + "\", \"data\": {\"object\": {\"id\": \"" + placed.sessionId() + "\", \"object\": \"checkout.session\","
                + " \"payment_status\": \"" + paymentStatus + "\", \"amount_total\": " + amount + ", \"currency\": \"" + currency + "\","
                + " \"payment_intent\": \"pi_" + placed.sessionId() + "\", \"metadata\": {\"order_id\": \"" + placed.orderId() + "\"},"
                + " \"some_new_field\": {\"nested\": [1, 2]}}}}";
    }

    private Answer deliver(String payload) throws Exception {
        return deliver(payload, Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
    }

    private Answer deliver(String payload, String signature) {
        Answer answer = call("POST", "/api/orders/webhook/", payload, null, "Stripe-Signature", signature);
        assertThat(answer.status()).as(answer.raw()).isLessThan(500);
        return answer;
    }

    @Test
    void aCardOrderOpensACheckoutAtTheCatalogsPricesInExactMinorUnits() {
        String token = buyer();
        long tee = product("Card Tee", "1299.99", 5);
        long cap = product("Card Cap", "0.10", 9);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", token);
        String url = expect(200, "POST", "/api/orders/create/", "{\"payment_method\": \"Stripe\", \"cart\": [{\"id\": " + tee
                + ", \"price\": 0.01, \"quantity\": 1}, {\"id\": " + cap + ", \"price\": 0.01, \"quantity\": 3}], \"address\": " + ADDRESS + "}",
                token).body().get("checkout_url").asString();
        assertThat(url).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        StripeStandIn.Call create = STRIPE.calls.stream().filter(call -> call.path().equals("/v1/checkout/sessions"))
                .reduce((first, second) -> second).orElseThrow();
        long orderId = placedAt(url).orderId();
        Map<String, String> form = create.form();
        assertThat(form).containsEntry("metadata[order_id]", Long.toString(orderId)).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "129999").containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[1][price_data][unit_amount]", "10").containsEntry("line_items[1][quantity]", "3")
                .containsEntry("line_items[0][price_data][currency]", "inr")
                .containsEntry("success_url", "https://shop.example/payment-success?session_id={CHECKOUT_SESSION_ID}");
        long expiresAt = Long.parseLong(form.get("expires_at"));
        assertThat(expiresAt - Instant.now().getEpochSecond()).isBetween(29 * 60L, 31 * 60L);
        assertThat(create.idempotencyKey()).isEqualTo("storefn-order-" + orderId + "-checkout");
        assertThat(status(orderId)).isEqualTo("processing/unpaid");
        assertThat(stock(tee)).isEqualTo(4);
        assertThat(expect(200, "GET", "/api/cart/", null, token).body().get("items")).isEmpty();
        assertThat(expect(200, "GET", "/api/orders/my/", null, token).body().get(0).get("total_amount").asString()).isEqualTo("1300.29");
    }

    @Test
    void aPaidCheckoutMarksTheOrderPaidOnceWhateverTheDuplicatesAndForgeriesAreRefused() throws Exception {
        String token = buyer();
        long tee = product("Webhook Tee", "499.50", 5);
        Placed placed = checkout(token, tee, 2);
        assertThat(deliver(event("checkout.session.completed", placed, "paid", 99899, "inr"), "t=1,v1=forged").error())
                .isEqualTo("Invalid signature or payload");
        String tampered = event("checkout.session.completed", placed, "paid", 99900, "inr");
        assertThat(deliver(tampered, Webhook.Signature.generateSignatureHeader(tampered.replace("99900", "1"), WEBHOOK_SECRET))
                .status()).isEqualTo(400);
        assertThat(status(placed.orderId())).isEqualTo("processing/unpaid");

        assertThat(deliver(event("checkout.session.completed", placed, "paid", 1, "inr")).body().get("status").asString())
                .isEqualTo("success");
        assertThat(status(placed.orderId())).as("a wrong amount is not a payment").isEqualTo("processing/unpaid");
        assertThat(deliver(event("checkout.session.completed", placed, "paid", 99900, "usd")).status()).isEqualTo(200);
        assertThat(status(placed.orderId())).as("nor a wrong currency").isEqualTo("processing/unpaid");

        String paid = event("checkout.session.completed", placed, "paid", 99900, "inr");
        List<Answer> deliveries = parallel(6, () -> deliver(paid));
        assertThat(deliveries).extracting(Answer::status).containsOnly(200);
        assertThat(status(placed.orderId())).isEqualTo("processing/paid");
        String id = JSON.readTree(paid).get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_webhook_events WHERE event_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        // An expiry arriving after the payment changes nothing.
        deliver(event("checkout.session.expired", placed, "unpaid", 99900, "inr"));
        assertThat(status(placed.orderId())).isEqualTo("processing/paid");
        assertThat(stock(tee)).isEqualTo(3);
        assertThat(deliver(event("customer.created", placed, "paid", 0, "inr")).status()).isEqualTo(200);
    }

    @Test
    void anExpiredCheckoutCancelsTheOrderAndRestoresStockOnceAndALatePaymentIsRefunded() throws Exception {
        String token = buyer();
        long tee = product("Expiring Tee", "100.00", 5);
        Placed placed = checkout(token, tee, 3);
        assertThat(stock(tee)).isEqualTo(2);
        String expired = event("checkout.session.expired", placed, "unpaid", 30000, "inr");
        deliver(expired);
        deliver(expired);
        deliver(event("checkout.session.expired", placed, "unpaid", 30000, "inr"));
        assertThat(status(placed.orderId())).isEqualTo("cancelled/unpaid");
        assertThat(stock(tee)).isEqualTo(5);

        long refundsBefore = STRIPE.count("POST", "/v1/refunds");
        deliver(event("checkout.session.completed", placed, "paid", 30000, "inr"));
        assertThat(status(placed.orderId())).isEqualTo("cancelled/paid");
        // The refund is a provider action, made just after the delivery was acknowledged.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(refund(placed.orderId())).startsWith("refunded re_"));
        assertThat(STRIPE.count("POST", "/v1/refunds")).isEqualTo(refundsBefore + 1);
        assertThat(STRIPE.refundsByKey.get("storefn-order-" + placed.orderId() + "-refund")).hasSize(1);
        assertThat(STRIPE.calls.stream().filter(call -> call.path().equals("/v1/refunds")).reduce((first, second) -> second).orElseThrow()
                .form()).containsEntry("payment_intent", "pi_" + placed.sessionId());
        assertThat(stock(tee)).isEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSweepCancelsOverdueUnpaidCheckoutsOnceWhenNoWebhookCame() {
        String token = buyer();
        long tee = product("Swept Tee", "10.00", 4);
        Placed overdue = checkout(token, tee, 2);
        Placed fresh = checkout(token, tee, 1);
        jdbc.sql("UPDATE orders SET stripe_session_expires_at = now() - interval '10 minutes' WHERE id = ?").param(overdue.orderId())
                .update();
        Function<Object, Object> sweep = catalog.lookup(Function.class, "expireOverdueCheckouts");
        Object first = sweep.apply(new dev.storefn.payments.ExpireOverdueCheckouts.Input());
        assertThat(first.toString()).contains("expired=1");
        assertThat(status(overdue.orderId())).isEqualTo("cancelled/unpaid");
        assertThat(status(fresh.orderId())).isEqualTo("processing/unpaid");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(STRIPE.sessions.get(overdue.sessionId())).containsEntry("status", "expired"));
        assertThat(stock(tee)).isEqualTo(3);
        assertThat(sweep.apply(new dev.storefn.payments.ExpireOverdueCheckouts.Input()).toString()).contains("expired=0");
        assertThat(stock(tee)).isEqualTo(3);

        // A process that died between placing a card order and opening its checkout left an order with no session:
        // it was placed with its checkout's expiry, so the sweep still gives its stock back.
        Placed orphan = checkout(token, tee, 1);
        jdbc.sql("UPDATE orders SET stripe_session_id = NULL, stripe_session_expires_at = now() - interval '10 minutes' WHERE id = ?")
                .param(orphan.orderId()).update();
        assertThat(sweep.apply(new dev.storefn.payments.ExpireOverdueCheckouts.Input()).toString()).contains("expired=1");
        assertThat(status(orphan.orderId())).isEqualTo("cancelled/unpaid");
        assertThat(stock(tee)).isEqualTo(3);
    }

    @Test
    void cancellingEndsAnUnpaidCheckoutAndRefundsAPaidOneOnceUnderConcurrentCancels() throws Exception {
        String token = buyer();
        long tee = product("Refunded Tee", "250.00", 10);
        Placed unpaid = checkout(token, tee, 1);
        List<Answer> cancels = parallel(5, () -> call("POST", "/api/orders/" + unpaid.orderId() + "/cancel/", null, token));
        assertThat(cancels.stream().filter(answer -> answer.status() == 200)).hasSize(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(STRIPE.sessions.get(unpaid.sessionId())).containsEntry("status", "expired"));
        assertThat(stock(tee)).isEqualTo(10);

        Placed paid = checkout(token, tee, 2);
        STRIPE.pay(paid.sessionId());
        deliver(event("checkout.session.completed", paid, "paid", 50000, "inr"));
        long refundsBefore = STRIPE.count("POST", "/v1/refunds");
        List<Answer> paidCancels = parallel(5, () -> call("POST", "/api/orders/" + paid.orderId() + "/cancel/", null, token));
        List<Answer> done = paidCancels.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).body().get("refund_info").asString()).isEqualTo("Your refund will be processed within 5-7 business days");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(refund(paid.orderId())).startsWith("refunded re_"));
        assertThat(STRIPE.count("POST", "/v1/refunds")).isEqualTo(refundsBefore + 1);
        assertThat(stock(tee)).isEqualTo(10);
    }

    @Test
    void aStripeOutageLeavesNoTraceOfTheOrder() {
        String token = buyer();
        long tee = product("Outage Tee", "10.00", 3);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", token);
        long ordersBefore = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
        STRIPE.down = true;
        try {
            Answer refused = expect(502, "POST", "/api/orders/create/", order(tee, 2), token);
            assertThat(refused.error()).isEqualTo("Payment provider unavailable");
            assertThat(refused.detail()).isEqualTo("Payment provider unavailable");
        } finally {
            STRIPE.down = false;
        }
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single()).isEqualTo(ordersBefore);
        assertThat(stock(tee)).isEqualTo(3);
        assertThat(expect(200, "GET", "/api/cart/", null, token).body().get("items")).hasSize(1);
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, token).body()).isEmpty();
    }

    private static JsonNode invoke(org.springframework.cloud.function.adapter.aws.FunctionInvoker invoker, String method, String path,
            String query, Map<String, String> headers, String body) throws Exception {
        tools.jackson.databind.node.ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path).put("rawQueryString", query);
        tools.jackson.databind.node.ObjectNode eventHeaders = event.putObject("headers");
        headers.forEach(eventHeaders::put);
        event.putObject("requestContext").putObject("http").put("method", method).put("path", path).put("sourceIp", "198.51.100.9");
        if (body != null) {
            event.put("body", body).put("isBase64Encoded", false);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        invoker.handleRequest(new java.io.ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void aCardOrderIsCreatedAndPaidEndToEndThroughHttpApiEvents() throws Exception {
        String token = buyer();
        long tee = product("Lambda Card Tee", "333.33", 4);
        Map<String, String> properties = Map.of("DATABASE_URL", database.url().jdbcUrl(), "SECRET_KEY", environment.getProperty("SECRET_KEY"),
                "MAIN_CLASS", dev.storefn.Storefn.class.getName(), "STRIPE_SECRET_KEY", "sk_test_storefn", "STRIPE_API_BASE", STRIPE.base(),
                "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        properties.forEach(System::setProperty);
        try {
            var httpApi = new org.springframework.cloud.function.adapter.aws.FunctionInvoker("httpApi");
            JsonNode created = invoke(httpApi, "POST", "/api/orders/create/", "",
                    Map.of("content-type", "application/json", "authorization", "Bearer " + token), order(tee, 3));
            assertThat(created.get("statusCode").asInt()).as(created.toString()).isEqualTo(200);
            Placed placed = placedAt(JSON.readTree(created.get("body").asString()).get("checkout_url").asString());
            String session = placed.sessionId();
            long orderId = placed.orderId();
            assertThat(stock(tee)).isEqualTo(1);

            STRIPE.pay(session);
            String paid = event("checkout.session.completed", placed, "paid", 99999, "inr");
            JsonNode webhook = invoke(httpApi, "POST", "/api/orders/webhook/", "", Map.of("content-type", "application/json",
                    "stripe-signature", Webhook.Signature.generateSignatureHeader(paid, WEBHOOK_SECRET)), paid);
            assertThat(webhook.get("statusCode").asInt()).isEqualTo(200);
            assertThat(status(orderId)).isEqualTo("processing/paid");

            // The schedule's function, as EventBridge calls it, runs the sweep through the same package.
            jdbc.sql("UPDATE orders SET stripe_session_expires_at = now() - interval '1 hour' WHERE id = ?").param(orderId).update();
            java.io.ByteArrayOutputStream swept = new java.io.ByteArrayOutputStream();
            new org.springframework.cloud.function.adapter.aws.FunctionInvoker("scheduledJobs").handleRequest(
                    new java.io.ByteArrayInputStream(("{\"version\": \"0\", \"id\": \"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
                            + " \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"account\": \"123456789012\","
                            + " \"time\": \"2026-12-01T10:00:00Z\", \"region\": \"eu-west-1\", \"resources\": [], \"detail\": {}}").getBytes()),
                    swept, null);
            assertThat(swept.toString()).contains("expired 0 overdue checkouts");
            assertThat(status(orderId)).as("a paid order is never swept").isEqualTo("processing/paid");

            JsonNode verified = invoke(httpApi, "GET", "/api/orders/verify-payment/", "session_id=" + session,
                    Map.of("authorization", "Bearer " + token), null);
            assertThat(verified.get("statusCode").asInt()).isEqualTo(200);
            JsonNode answer = JSON.readTree(verified.get("body").asString());
            assertThat(answer.get("payment_verified").asBoolean()).isTrue();
            assertThat(answer.get("payment_status").asString()).isEqualTo("paid");
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void aStormOfAThousandShuffledEventsWithDuplicatesAppliesEveryEffectExactlyOnce() throws Exception {
        String token = buyer();
        long tee = product("Storm Tee", "10.00", 1000);
        List<Placed> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(checkout(token, tee, 1));
        }
        java.util.Random random = new java.util.Random(20261201L);
        List<String> unique = new java.util.ArrayList<>();
        java.util.Set<Long> expiring = new java.util.HashSet<>();
        for (Placed placed : orders) {
            unique.add(event("checkout.session.completed", placed, "paid", 1000, "inr"));
            if (random.nextInt(10) < 3) {
                expiring.add(placed.orderId());
                unique.add(event("checkout.session.expired", placed, "unpaid", 1000, "inr"));
            }
        }
        while (unique.size() < 700) {
            unique.add(event("payment_intent.created", orders.get(random.nextInt(orders.size())), "unpaid", 1000, "inr"));
        }
        List<String> deliveries = new java.util.ArrayList<>(unique);
        while (deliveries.size() < 1000) {
            deliveries.add(unique.get(random.nextInt(unique.size())));
        }
        java.util.Collections.shuffle(deliveries, random);
        long refundsBefore = STRIPE.count("POST", "/v1/refunds");
        AtomicInteger next = new AtomicInteger();
        List<Answer> answers = parallel(1000, () -> deliver(deliveries.get(next.getAndIncrement())));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));

        long cancelled = 0;
        for (Placed placed : orders) {
            String state = status(placed.orderId());
            assertThat(state).endsWith("/paid");
            if (state.startsWith("cancelled")) {
                cancelled++;
                assertThat(expiring).contains(placed.orderId());
            }
        }
        // An expiry that came before the payment cancelled the order; the payment was then refunded, once.
        long refunded = cancelled;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(orders.stream()
                .filter(placed -> STRIPE.refundsByKey.containsKey("storefn-order-" + placed.orderId() + "-refund")).count())
                .isEqualTo(refunded));
        assertThat(STRIPE.count("POST", "/v1/refunds") - refundsBefore).isEqualTo(cancelled);
        assertThat(stock(tee)).isEqualTo(1000 - 100 + (int) cancelled);
        String[] ids = unique.stream().map(payload -> JSON.readTree(payload).get("id").asString()).toArray(String[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_webhook_events WHERE event_id = ANY(?)").param(ids).query(Long.class).single())
                .isEqualTo(700);
        System.out.println("webhook storm: 1000 deliveries of 700 events, 16 senders; " + cancelled + " of " + expiring.size()
                + " expiring orders were cancelled before their payment and refunded once");
    }

    @Test
    void verifyPaymentChecksTheSessionIsTheCallersOrdersAndMarksItPaid() {
        String token = buyer();
        long tee = product("Verified Tee", "75.00", 5);
        Placed placed = checkout(token, tee, 1);
        assertThat(expect(400, "GET", "/api/orders/verify-payment/", null, token).error()).isEqualTo("Missing session_id");
        assertThat(expect(400, "GET", "/api/orders/verify-payment/?session_id=cs_unknown", null, token).error())
                .isEqualTo("Invalid session_id");
        long asked = STRIPE.count("GET", "/v1/checkout/sessions/");
        for (String notAnId : new String[] {"..%2F..%2Fv1%2Fcustomers", "cs_a%3Fexpand%5B%5D%3Dcustomer", "pi_123", "cs_" + "a".repeat(251)}) {
            assertThat(expect(400, "GET", "/api/orders/verify-payment/?session_id=" + notAnId, null, token).error()).isEqualTo("Invalid session_id");
        }
        assertThat(STRIPE.count("GET", "/v1/checkout/sessions/")).as("nothing that cannot be a session id reaches Stripe").isEqualTo(asked);
        assertThat(expect(404, "GET", "/api/orders/verify-payment/?session_id=" + placed.sessionId(), null, buyer()).error())
                .isEqualTo("Order not found");
        JsonNode unpaid = expect(200, "GET", "/api/orders/verify-payment/?session_id=" + placed.sessionId(), null, token).body();
        assertThat(unpaid.get("payment_verified").asBoolean()).isFalse();
        assertThat(unpaid.get("payment_status").asString()).isEqualTo("unpaid");
        STRIPE.pay(placed.sessionId());
        JsonNode paid = expect(200, "GET", "/api/orders/verify-payment/?session_id=" + placed.sessionId(), null, token).body();
        assertThat(paid.get("order_id").asLong()).isEqualTo(placed.orderId());
        assertThat(paid.get("payment_verified").asBoolean()).isTrue();
        assertThat(paid.get("payment_status").asString()).isEqualTo("paid");
        assertThat(status(placed.orderId())).isEqualTo("processing/paid");
    }
}
