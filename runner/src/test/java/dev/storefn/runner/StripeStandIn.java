package dev.storefn.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in of the few Stripe endpoints storefn calls, so the real stripe-java runs against it: create,
 * retrieve and expire a Checkout Session, and create a refund. It answers a repeated Idempotency-Key with the
 * first answer, as Stripe does, and can be told to fail like an outage ({@link #down}) or to hang on some calls
 * ({@link #hold}): a held call is done when released, as Stripe does a call whose client stopped listening.
 */
final class StripeStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Call(String method, String path, Map<String, String> form, String idempotencyKey) {
    }

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> answered = new ConcurrentHashMap<>();
    /** Refunds made (not replayed), by the Idempotency-Key they were made under. */
    final Map<String, List<String>> refundsByKey = new ConcurrentHashMap<>();
    /** A hold on calls: released, they are done; dropped, they are not (as if they never reached Stripe). */
    private record Hold(CountDownLatch released, AtomicBoolean dropped) {
    }

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    volatile boolean down;

    StripeStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::handle);
        // A thread per call: a held call must not hold the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Calls whose path starts with {@code pathStart} hang until {@link #release}: Stripe on a bad day. */
    void hold(String pathStart) {
        holds.put(pathStart, new Hold(new CountDownLatch(1), new AtomicBoolean()));
    }

    /** Calls to {@code pathStart} hang for {@code duration}, then are done. */
    void holdFor(String pathStart, Duration duration) {
        hold(pathStart);
        timers.schedule(() -> release(pathStart), duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release(String pathStart) {
        Hold hold = holds.remove(pathStart);
        if (hold != null) {
            hold.released().countDown();
        }
    }

    /** Ends the hold without doing the held calls: they never reached Stripe, and their clients hear nothing. */
    void drop(String pathStart) {
        Hold hold = holds.remove(pathStart);
        if (hold != null) {
            hold.dropped().set(true);
            hold.released().countDown();
        }
    }

    /** Refunds made in all, each only once per key (a replay makes none). */
    long refundsMade() {
        return refundsByKey.values().stream().mapToLong(List::size).sum();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stripe marks a session paid when the shopper pays. */
    void pay(String sessionId) {
        Map<String, Object> session = sessions.get(sessionId);
        session.put("payment_status", "paid");
        session.put("status", "complete");
        session.put("payment_intent", "pi_" + sessionId);
    }

    long count(String method, String pathStart) {
        return calls.stream().filter(call -> call.method().equals(method) && call.path().startsWith(pathStart)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            calls.add(new Call(method, path, form, key));
            for (Map.Entry<String, Hold> hold : holds.entrySet()) {
                if (path.startsWith(hold.getKey())) {
                    try {
                        hold.getValue().released().await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (hold.getValue().dropped().get()) {
                        return;
                    }
                }
            }
            if (down) {
                answer(exchange, 500, Map.of("error", Map.of("type", "api_error", "message", "Stripe is having a bad day")));
                return;
            }
            // One request per key at a time, as Stripe does; the rest of the stand-in stays concurrent.
            synchronized (key == null ? new Object() : key.intern()) {
                respond(exchange, method, path, form, key);
            }
        }
    }

    private void respond(HttpExchange exchange, String method, String path, Map<String, String> form, String key) throws IOException {
        if (key != null && answered.containsKey(key)) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            exchange.sendResponseHeaders(200, answered.get(key).length);
            exchange.getResponseBody().write(answered.get(key));
            return;
        }
        byte[] body;
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            body = JSON.writeValueAsBytes(createSession(form));
        } else if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
            Map<String, Object> session = sessions.get(path.substring("/v1/checkout/sessions/".length()));
            if (session == null) {
                answer(exchange, 404, Map.of("error", Map.of("type", "invalid_request_error", "message", "No such checkout.session")));
                return;
            }
            body = JSON.writeValueAsBytes(session);
        } else if (method.equals("POST") && path.endsWith("/expire")) {
            Map<String, Object> session = sessions.get(path.split("/")[4]);
            if (session == null || !"open".equals(session.get("status"))) {
                answer(exchange, 400, Map.of("error", Map.of("type", "invalid_request_error",
                        "message", "Only Checkout Sessions with a status in [\"open\"] can be expired.")));
                return;
            }
            session.put("status", "expired");
            body = JSON.writeValueAsBytes(session);
        } else if (method.equals("POST") && path.equals("/v1/refunds")) {
            String refund = "re_" + ids.incrementAndGet();
            refundsByKey.computeIfAbsent(String.valueOf(key), k -> new CopyOnWriteArrayList<>()).add(refund);
            body = JSON.writeValueAsBytes(Map.of("id", refund, "object", "refund",
                    "payment_intent", form.getOrDefault("payment_intent", ""), "status", "succeeded"));
        } else {
            answer(exchange, 404, Map.of("error", Map.of("type", "invalid_request_error", "message", "Unrecognized request URL")));
            return;
        }
        if (key != null) {
            answered.put(key, body);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private Map<String, Object> createSession(Map<String, String> form) {
        String id = "cs_test_" + ids.incrementAndGet();
        long total = 0;
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            total += Long.parseLong(form.get("line_items[" + i + "][price_data][unit_amount]"))
                    * Long.parseLong(form.get("line_items[" + i + "][quantity]"));
        }
        Map<String, Object> session = new ConcurrentHashMap<>();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("url", "https://checkout.stripe.test/c/pay/" + id);
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("amount_total", total);
        session.put("currency", form.getOrDefault("line_items[0][price_data][currency]", "inr"));
        session.put("expires_at", Long.parseLong(form.getOrDefault("expires_at", "0")));
        session.put("metadata", Map.of("order_id", form.getOrDefault("metadata[order_id]", "")));
        sessions.put(id, session);
        return session;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        holds.keySet().forEach(this::release);
        timers.shutdownNow();
        server.stop(0);
    }
}
