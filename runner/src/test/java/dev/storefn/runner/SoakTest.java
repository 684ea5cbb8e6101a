package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.stripe.net.Webhook;

import dev.storefn.testing.Invariants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak: mixed traffic (browse, cart, order, cancel, webhook) against storefn as the systemd unit runs it
 * (its JVM flags), for {@code -Dstorefn.soak=PT10M}, with the process's RSS sampled every 10 seconds into
 * {@code target/soak-rss.csv}. No answer may be a 5xx or a broken connection, memory must not trend upwards,
 * and the invariants hold at the end. Behind the flag: it is long.
 */
@EnabledIfSystemProperty(named = "storefn.soak", matches = "P.+")
class SoakTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOK_SECRET = "whsec_storefn_soak";
    private static final int WORKERS = 8;

    private int port;

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(String method, String path, String body, String token, String client, String... headers) throws Exception {
        HttpResponse<String> response = StorefnProcess.send(port, method, path, body, token, client, headers);
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    @Test
    void mixedTrafficForTheWholeSoakLeavesNoErrorsAndNoGrowingMemory() throws Exception {
        Duration soak = Duration.parse(System.getProperty("storefn.soak"));
        Path dataDirectory = Files.createTempDirectory("storefn-soak");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> settings = new java.util.HashMap<>(ProcessFaultsTest.UNLIMITED_UNPAID);
        settings.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        StorefnProcess storefn = StorefnProcess.start(dataDirectory, port, settings);
        try {
            JdbcClient database = StorefnProcess.database(dataDirectory);
            long product = database.sql("INSERT INTO products (name, price, category, description, stock) VALUES ('Soak Tee', 10, 'men',"
                    + " 'A tee for the soak', 100000000) RETURNING id").query(Long.class).single();

            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            LongAdder broken = new LongAdder();
            List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong events = new AtomicLong();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.submit(() -> {
                    String client = "198.18.30." + worker;
                    Answer registered = send("POST", "/api/register/", "{\"email\": \"soak" + worker + "@example.com\","
                            + " \"password\": \"a long password\"}", null, client);
                    String token = registered.body().get("access").asString();
                    String order = "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + product + ", \"quantity\": 1}], \"address\": {"
                            + "\"full_name\": \"Ada\", \"phone\": \"9876543210\", \"street\": \"12 Row\", \"city\": \"Pune\", \"pincode\": \"411001\"}}";
                    while (running.get()) {
                        try {
                            List<Answer> answers = new ArrayList<>();
                            answers.add(send("GET", "/api/products/?page_size=20&page=" + (1 + ThreadLocalRandom.current().nextInt(2)), null, null, client));
                            answers.add(send("GET", "/api/products/" + product + "/", null, null, client));
                            answers.add(send("POST", "/api/cart/add/", "{\"product_id\": " + product + "}", token, client));
                            answers.add(send("GET", "/api/cart/", null, token, client));
                            Answer placed = send("POST", "/api/orders/create/", order, token, client);
                            answers.add(placed);
                            if (placed.status() == 200 && ThreadLocalRandom.current().nextBoolean()) {
                                answers.add(send("POST", "/api/orders/" + placed.body().get("order_id").asLong() + "/cancel/", null, token, client));
                            }
                            answers.add(send("GET", "/api/orders/my/", null, token, client));
                            String event = "{\"id\": \"evt_soak_" + events.incrementAndGet() + "\", \"object\": \"event\", \"api_version\":"
                                    + " \"2099-01-01.future\", \"type\": \"checkout.session.expired\", \"data\": {\"object\": {\"id\": \"cs_soak_none\","
                                    + " \"object\": \"checkout.session\", \"payment_status\": \"unpaid\", \"metadata\": {\"order_id\": \"0\"}}}}";
                            answers.add(send("POST", "/api/orders/webhook/", event, null, client, "Stripe-Signature",
                                    Webhook.Signature.generateSignatureHeader(event, WEBHOOK_SECRET)));
                            for (Answer answer : answers) {
                                statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                                if (answer.status() >= 500 && firstErrors.size() < 10) {
                                    firstErrors.add(answer.status() + " " + answer.body());
                                }
                            }
                        } catch (IOException e) {
                            broken.increment();
                            if (firstErrors.size() < 10) {
                                firstErrors.add(e.toString());
                            }
                        }
                    }
                    return null;
                });
            }

            List<long[]> samples = new ArrayList<>();
            long started = System.nanoTime();
            Path curve = Path.of("target", "soak-rss.csv");
            Files.writeString(curve, "seconds,rss_kb\n");
            while (System.nanoTime() - started < soak.toNanos()) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                long rss = storefn.residentKilobytes();
                samples.add(new long[] {seconds, rss});
                Files.writeString(curve, seconds + "," + rss + "\n", java.nio.file.StandardOpenOption.APPEND);
                Thread.sleep(10_000);
            }
            running.set(false);
            workers.shutdown();
            assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            Map<Integer, Long> counted = new TreeMap<>();
            statuses.forEach((status, count) -> counted.put(status, count.sum()));
            long requests = counted.values().stream().mapToLong(Long::longValue).sum();
            int third = samples.size() / 3;
            double middle = samples.subList(third, 2 * third).stream().mapToLong(s -> s[1]).average().orElse(0);
            double last = samples.subList(2 * third, samples.size()).stream().mapToLong(s -> s[1]).average().orElse(0);
            long max = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
            System.out.printf("soak %s: %d requests %s, %d broken connections; RSS middle third %.0f MB, last third %.0f MB, max %d MB;"
                    + " curve in %s%n", soak, requests, counted, broken.sum(), middle / 1024, last / 1024, max / 1024, curve.toAbsolutePath());

            assertThat(firstErrors).as("5xx answers or broken connections").isEmpty();
            assertThat(counted.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
            assertThat(last).as("RSS does not grow: last third against the middle one").isLessThanOrEqualTo(middle * 1.10);
            Invariants.assertHold(database);
        } finally {
            storefn.stop(Duration.ofSeconds(45));
            StorefnProcess.removeDataDirectory(dataDirectory);
        }
    }
}
