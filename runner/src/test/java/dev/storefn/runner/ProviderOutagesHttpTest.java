package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.stripe.net.Webhook;
import com.zaxxer.hikari.HikariDataSource;

import dev.storefn.testing.ThroughLambda;

/**
 * Stripe hanging, failing and coming back, through the real stripe-java against the stand-in, over real HTTP
 * (and in the build's Lambda pass through the Lambda path): nobody waits on Stripe while rows are locked or
 * connections held, refunds and checkout ends are provider actions done exactly once, and card checkouts are
 * refused at once while Stripe keeps failing, as cash on delivery goes on.
 */
class ProviderOutagesHttpTest extends HttpTest {

    private static final String WEBHOOK_SECRET = "whsec_storefn_outages";
    /** Longer than a test's answers may take, shorter than what waiting on Stripe would take. */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(4);
    private static final StripeStandIn STRIPE = new StripeStandIn();
    private static final AtomicInteger BUYERS = new AtomicInteger();
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final String ADDRESS = "{\"full_name\": \"Ada Lovelace\", \"phone\": \"9876543210\", \"street\": \"12 Analytical Row\","
            + " \"city\": \"London\", \"pincode\": \"560001\"}";

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("STRIPE_SECRET_KEY", () -> "sk_test_outages");
        registry.add("STRIPE_API_BASE", STRIPE::base);
        registry.add("STRIPE_WEBHOOK_SECRET", () -> WEBHOOK_SECRET);
        registry.add("PROVIDER_TIMEOUT", PROVIDER_TIMEOUT::toString);
        registry.add("PROVIDER_RETRY_AFTER", () -> "PT1S");
        registry.add("STOREFN_JOBS_INTERVAL", () -> "PT1S");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @Autowired
    DataSource dataSource;

    /** Stripe answers again and every action is done: the next test starts with Stripe trusted. */
    @AfterEach
    void everyActionDoneAndTheInvariantsHold() {
        STRIPE.down = false;
        STRIPE.release("/v1/refunds");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM provider_actions WHERE state <> 'done'").query(Long.class).single()).isZero());
        assertInvariantsHold();
    }

    private String buyer() {
        return signUp("outage" + BUYERS.incrementAndGet() + "@example.com");
    }

    private String staff() {
        String email = "outage-staff" + BUYERS.incrementAndGet() + "@example.com";
        String token = signUp(email);
        jdbc.sql("UPDATE users SET is_staff = true WHERE email = ?").param(email).update();
        return token;
    }

    private static String order(String method, long product, int quantity) {
        return "{\"payment_method\": \"" + method + "\", \"cart\": [{\"id\": " + product + ", \"quantity\": " + quantity
                + "}], \"address\": " + ADDRESS + "}";
    }

    private Placed checkout(String token, long product, int quantity) {
        return placeCardOrder(token, order("stripe", product, quantity));
    }

    private Answer deliverPaid(Placed placed) {
        long amount = jdbc.sql("SELECT (total_amount * 100)::bigint FROM orders WHERE id = ?").param(placed.orderId()).query(Long.class).single();
        STRIPE.pay(placed.sessionId());
        String payload = "{\"id\": \"evt_outage_" + EVENTS.incrementAndGet() + "\", \"object\": \"event\", \"type\": \"checkout.session.completed\","
                + " \"data\": {\"object\": {\"id\": \"" + placed.sessionId() + "\", \"object\": \"checkout.session\", \"payment_status\": \"paid\","
                + " \"amount_total\": " + amount + ", \"currency\": \"inr\", \"payment_intent\": \"pi_" + placed.sessionId() + "\","
                + " \"metadata\": {\"order_id\": \"" + placed.orderId() + "\"}}}}";
        try {
            return call("POST", "/api/orders/webhook/", payload, null, "Stripe-Signature",
                    Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Placed paidCardOrder(String token, long product, int quantity) {
        Placed placed = checkout(token, product, quantity);
        assertThat(deliverPaid(placed).status()).isEqualTo(200);
        assertThat(state(placed.orderId())).isEqualTo("processing/paid/-");
        return placed;
    }

    /** {@code order status/payment status/refund status}. */
    private String state(long orderId) {
        return jdbc.sql("SELECT order_status || '/' || payment_status || '/' || coalesce(refund_status, '-') FROM orders WHERE id = ?")
                .param(orderId).query(String.class).single();
    }

    /** How often Stripe was asked under this idempotency key. */
    private static long calls(String key) {
        return STRIPE.calls.stream().filter(call -> key.equals(call.idempotencyKey())).count();
    }

    private static String refundKey(long orderId) {
        return "storefn-order-" + orderId + "-refund";
    }

    /** The call's answer and how long it took. */
    private record Timed(Answer answer, long millis) {
    }

    private Timed timed(String method, String path, String body, String token) {
        long started = System.nanoTime();
        Answer answer = call(method, path, body, token);
        return new Timed(answer, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Watches the database while Stripe hangs: connections that have sat in an open transaction for a second or
     * more (what waiting on Stripe inside one shows; a transaction between two of its statements sits there for
     * microseconds), connections in use, and (on the web adapter, whose pool this context is) requests that waited
     * for a connection.
     */
    private final class Watch implements AutoCloseable {

        final AtomicLong mostInTransaction = new AtomicLong();
        final AtomicLong mostConnections = new AtomicLong();
        /** Connections running a statement or inside a transaction, the watcher's own aside. */
        final AtomicLong mostBusy = new AtomicLong();
        final AtomicLong mostWaitingForAConnection = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::watch, "watch-database");

        Watch() {
            thread.start();
        }

        private void watch() {
            while (running.get()) {
                jdbc.sql("SELECT count(*) FILTER (WHERE state LIKE 'idle in transaction%' AND clock_timestamp() - state_change > interval '1 second'),"
                        + " count(*), count(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()")
                        .query(rs -> {
                            mostInTransaction.accumulateAndGet(rs.getLong(1), Math::max);
                            mostConnections.accumulateAndGet(rs.getLong(2), Math::max);
                            mostBusy.accumulateAndGet(rs.getLong(3), Math::max);
                        });
                if (!ThroughLambda.active() && dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                    mostWaitingForAConnection.accumulateAndGet(hikari.getHikariPoolMXBean().getThreadsAwaitingConnection(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void aRefundThatHangsHoldsNoOtherBuyerAndIsMadeOnceAfterTheHang() throws Exception {
        String buyer = buyer();
        long tee = product("Hung Refund Tee", "499.00", 20);
        Placed paid = paidCardOrder(buyer, tee, 2);
        STRIPE.holdFor("/v1/refunds", Duration.ofSeconds(25));

        Timed cancel = timed("POST", "/api/orders/" + paid.orderId() + "/cancel/", null, buyer);
        assertThat(cancel.answer().status()).as(cancel.answer().raw()).isEqualTo(200);
        assertThat(cancel.answer().body().get("refund_info").asString()).isEqualTo("Your refund will be processed within 5-7 business days");
        assertThat(cancel.millis()).as("the cancel did not wait on Stripe").isLessThan(PROVIDER_TIMEOUT.toMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.count("POST", "/v1/refunds") >= 1);

        List<Timed> orders;
        List<Timed> reads = new ArrayList<>();
        try (Watch watch = new Watch()) {
            // While the refund hangs, eight buyers take the stock the cancel gave back, at once.
            orders = parallel(8, () -> timed("POST", "/api/orders/create/", order("cod", tee, 1), buyer()));
            for (String path : List.of("/health/", "/api/products/" + tee + "/", "/api/products/")) {
                reads.add(timed("GET", path, null, null));
            }
            assertThat(watch.mostInTransaction.get()).as("connections held in a transaction while Stripe hung").isZero();
        }
        assertThat(orders).allSatisfy(placed -> assertThat(placed.answer().status()).as(placed.answer().raw()).isEqualTo(200));
        long slowest = orders.stream().mapToLong(Timed::millis).max().orElseThrow();
        assertThat(slowest).as("no buyer waited on the hung refund").isLessThan(PROVIDER_TIMEOUT.toMillis());
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.answer().status()).isEqualTo(200);
            assertThat(read.millis()).isLessThan(PROVIDER_TIMEOUT.toMillis());
        });
        assertThat(state(paid.orderId())).isEqualTo("cancelled/paid/pending");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> state(paid.orderId()).equals("cancelled/paid/refunded"));
        assertThat(STRIPE.refundsByKey.get(refundKey(paid.orderId()))).as("one refund, however often it was asked for").hasSize(1);
        assertThat(calls(refundKey(paid.orderId()))).as("asked again after the hang").isGreaterThan(1);
        System.out.printf("hung refund: cancel answered in %d ms; slowest of 8 COD buyers %d ms; reads %s ms; refund asked %d times, made once%n",
                cancel.millis(), slowest, reads.stream().map(read -> Long.toString(read.millis())).toList(), calls(refundKey(paid.orderId())));
        System.out.println("hung refund: attempts " + jdbc.sql("SELECT string_agg(t.attempt || ':' || t.outcome || '@'"
                + " || round(extract(epoch FROM t.started_at - a.created_at)::numeric, 1) || 's', ', ' ORDER BY t.attempt)"
                + " FROM provider_action_attempts t JOIN provider_actions a ON a.id = t.action_id WHERE a.idempotency_key = ?")
                .param(refundKey(paid.orderId())).query(String.class).single());
    }

    @Test
    void twentyCancelsWhileStripeHangsAnswerAtOnceHoldNoConnectionAndRefundOnceEachWhenItIsBack() throws Exception {
        String buyer = buyer();
        long tee = product("Twenty Tee", "100.00", 40);
        List<Placed> paid = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paid.add(paidCardOrder(buyer, tee, 1));
        }
        STRIPE.hold("/v1/refunds");
        AtomicInteger next = new AtomicInteger();
        List<Timed> cancels;
        long mostConnections;
        long mostWaiting;
        try (Watch watch = new Watch()) {
            cancels = parallel(20, () -> timed("POST", "/api/orders/" + paid.get(next.getAndIncrement()).orderId() + "/cancel/", null, buyer));
            assertThat(watch.mostInTransaction.get()).as("connections held in a transaction while Stripe hung").isZero();
            mostConnections = watch.mostConnections.get();
            mostWaiting = watch.mostWaitingForAConnection.get();
        }
        try (Watch hanging = new Watch()) {
            // Stripe keeps hanging a while longer, twenty refunds waiting on it: they hold no connection, and the shop goes on.
            Thread.sleep(PROVIDER_TIMEOUT.toMillis() + 1000);
            assertThat(timed("POST", "/api/orders/create/", order("cod", tee, 1), buyer()).answer().status()).isEqualTo(200);
            assertThat(hanging.mostInTransaction.get()).as("connections held in a transaction while Stripe hung").isZero();
            assertThat(hanging.mostBusy.get()).as("connections busy while only Stripe was being waited on").isLessThanOrEqualTo(2);
            assertThat(hanging.mostWaitingForAConnection.get()).isZero();
        }
        assertThat(cancels).allSatisfy(cancel -> {
            assertThat(cancel.answer().status()).as(cancel.answer().raw()).isEqualTo(200);
            assertThat(cancel.millis()).isLessThan(PROVIDER_TIMEOUT.toMillis());
        });
        assertThat(stockOf(tee)).isEqualTo(40 - 1);
        paid.forEach(placed -> assertThat(state(placed.orderId())).isEqualTo("cancelled/paid/pending"));

        STRIPE.release("/v1/refunds");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> paid.stream()
                .allMatch(placed -> state(placed.orderId()).equals("cancelled/paid/refunded")));
        for (Placed placed : paid) {
            assertThat(STRIPE.refundsByKey.get(refundKey(placed.orderId()))).as("order " + placed.orderId()).hasSize(1);
        }
        System.out.printf("20 hung cancels: slowest answer %d ms; during the cancels at most %d connections open and %d requests"
                + " queued for one; while Stripe hung after them none busy beyond the watcher; refund calls %d for 20 refunds%n",
                cancels.stream().mapToLong(Timed::millis).max().orElseThrow(), mostConnections, mostWaiting,
                paid.stream().mapToLong(placed -> calls(refundKey(placed.orderId()))).sum());
    }

    private int stockOf(long product) {
        return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product).query(Integer.class).single();
    }

    @Test
    void whileStripeIsDownRefundsWaitAndCheckoutsAreRefusedAtOnceThenEveryActionIsDoneOnce() throws Exception {
        String buyer = buyer();
        String staff = staff();
        long tee = product("Down Tee", "50.00", 30);
        List<Placed> paid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            paid.add(paidCardOrder(buyer, tee, 1));
        }
        Placed unpaid = checkout(buyer, tee, 1);
        STRIPE.down = true;
        for (Placed placed : paid) {
            expect(200, "POST", "/api/orders/" + placed.orderId() + "/cancel/", null, buyer);
        }
        expect(200, "PATCH", "/api/orders/" + unpaid.orderId() + "/status/", "{\"order_status\": \"cancelled\"}", staff);

        // Several rounds of the job, each attempt refused by Stripe and recorded.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.sql(
                "SELECT min(attempts) FROM provider_actions a WHERE a.order_id = ANY(?)")
                .param(paid.stream().map(Placed::orderId).toArray(Long[]::new)).query(Integer.class).single() >= 2);
        if (!ThroughLambda.active()) {
            String scrape = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).containsPattern("(?m)^storefn_provider_actions\\{state=\"failing\"} [1-9]")
                    .containsPattern("(?m)^storefn_provider_actions\\{state=\"pending\"} [1-9]");
        }
        Answer seenByStaff = expect(200, "GET", "/api/orders/" + paid.get(0).orderId() + "/", null, staff);
        assertThat(seenByStaff.body().get("refund_status").asString()).isEqualTo("pending");
        assertThat(seenByStaff.body().get("refund_error").asString()).contains("Stripe could not refund");
        Answer seenByBuyer = expect(200, "GET", "/api/orders/" + paid.get(0).orderId() + "/", null, buyer);
        assertThat(seenByBuyer.body().get("refund_status").asString()).isEqualTo("pending");
        assertThat(seenByBuyer.body().get("refund_error").isNull()).isTrue();

        // Card checkouts: Stripe failing is a 502 at first; soon it is not even asked, and the buyer hears so at once.
        Timed refused = timed("POST", "/api/orders/create/", order("stripe", tee, 1), buyer);
        for (int i = 0; i < 10 && refused.answer().status() == 502; i++) {
            refused = timed("POST", "/api/orders/create/", order("stripe", tee, 1), buyer);
        }
        assertThat(refused.answer().status()).as(refused.answer().raw()).isEqualTo(503);
        assertThat(refused.answer().error()).isEqualTo("Payment provider unavailable");
        assertThat(refused.millis()).isLessThan(PROVIDER_TIMEOUT.toMillis());
        if (!ThroughLambda.active()) {
            String scrape = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).containsPattern("(?m)^storefn_provider_failing\\{provider=\"stripe\"} 1");
        }
        assertThat(expect(200, "POST", "/api/orders/create/", order("cod", tee, 2), buyer).body().get("order_status").asString())
                .isEqualTo("processing");
        assertThat(stockOf(tee)).as("card orders refused left nothing taken").isEqualTo(30 - 4 - 1 + 4 + 1 - 2);

        STRIPE.down = false;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> paid.stream()
                .allMatch(placed -> state(placed.orderId()).equals("cancelled/paid/refunded")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(STRIPE.sessions.get(unpaid.sessionId()))
                .containsEntry("status", "expired"));
        for (Placed placed : paid) {
            assertThat(STRIPE.refundsByKey.get(refundKey(placed.orderId()))).hasSize(1);
        }
        assertThat(expect(200, "GET", "/api/orders/" + paid.get(0).orderId() + "/", null, staff).body().get("refund_error").isNull()).isTrue();
        System.out.println("Stripe down: retry timeline of one refund: " + jdbc.sql("SELECT string_agg(t.attempt || ':' || t.outcome || '@'"
                + " || round(extract(epoch FROM t.started_at - a.created_at)::numeric, 1) || 's', ', ' ORDER BY t.attempt)"
                + " FROM provider_action_attempts t JOIN provider_actions a ON a.id = t.action_id WHERE a.idempotency_key = ?")
                .param(refundKey(paid.get(0).orderId())).query(String.class).single());
    }

    @Test
    void aPaymentThatLandsOnACancelledOrderIsAcknowledgedAtOnceAndRefundedAfter() {
        String buyer = buyer();
        long tee = product("Late Payment Tee", "80.00", 5);
        Placed placed = checkout(buyer, tee, 1);
        expect(200, "POST", "/api/orders/" + placed.orderId() + "/cancel/", null, buyer);
        STRIPE.hold("/v1/refunds");
        long started = System.nanoTime();
        Answer acknowledged = deliverPaid(placed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(millis).as("the webhook did not wait on the refund").isLessThan(PROVIDER_TIMEOUT.toMillis());
        assertThat(state(placed.orderId())).isEqualTo("cancelled/paid/pending");
        STRIPE.release("/v1/refunds");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> state(placed.orderId()).equals("cancelled/paid/refunded"));
        assertThat(STRIPE.refundsByKey.get(refundKey(placed.orderId()))).hasSize(1);
    }
}
