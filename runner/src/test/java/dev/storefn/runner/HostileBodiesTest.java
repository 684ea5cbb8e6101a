package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.storefn.RouteTable;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.routes.Route;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker's bodies against storefn as the unit runs it (its JVM flags, its 96 MB heap): at every route that
 * reads a body, six at once of each of the worst shapes of about a megabyte (a wide array of empty objects,
 * deep nesting, one long string, many keys), anonymously and then signed in as staff. Before each route had a
 * budget, six such bodies to {@code /api/logout/} ran the heap out and the process exited. Now the process
 * stays, every answer is a JSON 4xx, and {@code /health/} answers throughout.
 */
class HostileBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * About a megabyte, as in the attack that ran the heap out; just under the 1 MiB from which an upload route's
     * body waits for its turn (and a flood of those is told to retry with a 503: ProcessFaultsTest).
     */
    private static final int MEGABYTE = 1_000_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path dataDirectory;
    private Process storefn;

    @AfterEach
    void stop() throws Exception {
        if (storefn != null && storefn.isAlive()) {
            storefn.destroy();
            storefn.waitFor(45, TimeUnit.SECONDS);
        }
        StorefnProcess.removeDataDirectory(dataDirectory);
    }

    /** The worst shapes, each about a megabyte of JSON. */
    private static Map<String, byte[]> shapes() {
        Map<String, byte[]> shapes = new LinkedHashMap<>();
        shapes.put("wide", ("{\"refresh\": \"x\", \"a\": [" + "{},".repeat(MEGABYTE / 3 - 20) + "{}]}").getBytes());
        shapes.put("deep", ("{\"a\": " + "[".repeat(MEGABYTE / 2 - 10) + "]".repeat(MEGABYTE / 2 - 10) + "}").getBytes());
        shapes.put("long string", ("{\"email\": \"" + "x".repeat(MEGABYTE - 20) + "\"}").getBytes());
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; keys.length() < MEGABYTE - 30; i++) {
            keys.append("\"k").append(i).append("\":0,");
        }
        shapes.put("many keys", (keys.append("\"z\":0}")).toString().getBytes());
        return shapes;
    }

    /** Every route whose input reads a body, with its path parameters filled in. */
    private static List<Route> routesWithBodies() {
        List<Route> routes = new ArrayList<>();
        for (Route route : RouteTable.ROUTES) {
            if (InputBinder.of(route.input(), route.parameterNames()).bodyLimit() > 0) {
                routes.add(route);
            }
        }
        return routes;
    }

    @Test
    void everyRouteThatReadsABodyAnswersTheWorstShapesWithJson4xxAndTheProcessStays() throws Exception {
        dataDirectory = Files.createTempDirectory("storefn-hostile-bodies");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Stripe's webhook configured, so that it answers as a shop's does (unconfigured, it is a 503 by contract).
        storefn = StorefnProcess.start(dataDirectory, port, Map.of("STRIPE_WEBHOOK_SECRET", "whsec_hostile")).process();
        HttpResponse<String> registered = StorefnProcess.send(port, "POST", "/api/register/",
                "{\"email\": \"staff@example.com\", \"password\": \"a long password\"}", null, "198.18.50.1");
        assertThat(registered.statusCode()).isEqualTo(201);
        StorefnProcess.database(dataDirectory).sql("UPDATE users SET is_staff = true WHERE email = 'staff@example.com'").update();
        String staff = JSON.readTree(registered.body()).get("access").asString();

        List<Route> routes = routesWithBodies();
        assertThat(routes).extracting(Route::key).contains("POST /api/logout/", "POST /api/refresh/", "POST /api/products/create/",
                "POST /api/orders/webhook/", "POST /api/cart/add/");
        AtomicBoolean attacking = new AtomicBoolean(true);
        List<Integer> health = new CopyOnWriteArrayList<>();
        int healthPort = port;
        Thread watcher = new Thread(() -> {
            while (attacking.get()) {
                try {
                    health.add(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health/"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                    Thread.sleep(100);
                } catch (Exception e) {
                    health.add(-1);
                }
            }
        }, "health-watcher");
        watcher.start();

        List<String> wrong = new CopyOnWriteArrayList<>();
        int sent = 0;
        ExecutorService attackers = Executors.newFixedThreadPool(6);
        try {
            for (String caller : new String[] {null, staff}) {
                for (Route route : routes) {
                    String path = route.path().replaceAll("\\{[a-z_]+}", "1");
                    for (Map.Entry<String, byte[]> shape : shapes().entrySet()) {
                        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                        for (int i = 0; i < 6; i++) {
                            int n = sent++;
                            answers.add(attackers.submit(() -> CLIENT.send(attack(healthPort, route.method(), path, shape.getValue(), caller, n),
                                    HttpResponse.BodyHandlers.ofString())));
                        }
                        for (Future<HttpResponse<String>> answer : answers) {
                            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                            String type = response.headers().firstValue("Content-Type").orElse("");
                            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.equals("application/json")) {
                                wrong.add(route.key() + " " + shape.getKey() + (caller == null ? " anonymous" : " staff") + ": "
                                        + response.statusCode() + " " + type);
                            }
                        }
                        assertThat(storefn.isAlive()).as("storefn after " + shape.getKey() + " to " + route.key()).isTrue();
                    }
                }
            }
        } finally {
            attackers.shutdownNow();
            attacking.set(false);
            watcher.join();
        }
        assertThat(wrong).as("answers that were not a JSON 4xx").isEmpty();
        assertThat(health).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo(200));
        assertThat(storefn.isAlive()).isTrue();
        System.out.printf("hostile bodies: %d requests of about 1 MB to %d routes, all JSON 4xx; /health/ answered 200 %d times"
                + " throughout%n", sent, routes.size(), health.size());
    }

    private static HttpRequest attack(int port, String method, String path, byte[] body, String token, int n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                // Each from an address of its own, so that the sign-in rate limits are not what stops them.
                .header("X-Forwarded-For", "198.18." + (60 + n / 250) + "." + (n % 250 + 1));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
