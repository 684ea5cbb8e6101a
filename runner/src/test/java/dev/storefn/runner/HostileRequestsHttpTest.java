package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.storefn.RouteTable;
import dev.storefn.platform.routes.Route;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;

/**
 * What only a real HTTP front door sees, for every route of the table and four kinds of caller: hostile
 * headers (long X-Forwarded-For chains, huge cookies, a doubled Authorization), bodies that are not UTF-8,
 * broken multipart, wrong content types, oversized bodies and wrong methods. Every answer is a JSON 4xx with
 * a detail, or a success; never a 5xx, never HTML; and the shop's invariants hold afterwards. Seeded, so a
 * failure replays.
 */
class HostileRequestsHttpTest extends HttpTest {

    private static final long SEED = 20261201L;

    private record Sent(String what, int status, String body, String type) {
    }

    private Sent send(String what, String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sent(what + " " + method + " " + path, response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(what + " " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String concrete(String template, Random random) {
        long[] ids = {0, 1, 2, -1, 987654321, Long.MAX_VALUE};
        return template.replaceAll("\\{[a-z_]+\\}", Long.toString(ids[random.nextInt(ids.length)]));
    }

    @Test
    void hostileRequestsToEveryRouteAreAnsweredWithJsonAndNeverAFailure() {
        ThroughLambda.skipUnlessDirect("these probe the web server's front door; the Lambda pass's gateway stands in for API Gateway,"
                + " whose own HTTP handling it does not reproduce");
        Map<String, String> callers = everyKindOfCaller("hostile");
        Random random = new Random(SEED);
        String hugeCookie = "sessionid=" + "x".repeat(6_000) + "; csrftoken=" + "y".repeat(6_000);
        String chain = String.join(", ", java.util.Collections.nCopies(300, "10.0.0.1")) + ", not-an-address, 198.18.99.1";
        byte[] notUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        byte[] brokenMultipart = "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n\u0089PNG"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] oversized = new byte[10 * 1024 * 1024 + 1];
        List<Sent> answers = new ArrayList<>();
        for (Route route : RouteTable.ROUTES) {
            // Logging out ends the callers' sessions; it gets the same requests, anonymously.
            boolean logout = route.path().equals("/api/logout/");
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String token = logout ? null : caller.getValue();
                String auth = token == null ? "Bearer not-a-token" : "Bearer " + token;
                String path = concrete(route.path(), random);
                String method = route.method();
                String id = caller.getKey();
                answers.add(send(id + " forwarded-chain", method, path, "{}".getBytes(), "Content-Type", "application/json",
                        "X-Forwarded-For", chain, "Authorization", auth));
                answers.add(send(id + " huge-cookie", method, path, "{}".getBytes(), "Content-Type", "application/json",
                        "Cookie", hugeCookie, "Authorization", auth));
                answers.add(send(id + " two-authorizations", method, path, "{}".getBytes(), "Content-Type", "application/json",
                        "Authorization", auth, "Authorization", "Bearer " + random.nextLong()));
                answers.add(send(id + " not-utf8", method, path, notUtf8, "Content-Type", "application/json", "Authorization", auth));
                answers.add(send(id + " broken-multipart", method, path, brokenMultipart,
                        "Content-Type", "multipart/form-data; boundary=b", "Authorization", auth));
                answers.add(send(id + " wrong-type", method, path, "<a/>".getBytes(), "Content-Type", "application/xml",
                        "Authorization", auth));
                answers.add(send(id + " wrong-method", List.of("PUT", "DELETE", "PATCH", "POST", "GET").get(random.nextInt(5)), path,
                        null, "Authorization", auth));
                // Ten megabytes each: a few routes are enough to show the limit holds before anything reads them.
                if (token == null && random.nextInt(4) == 0) {
                    answers.add(send(id + " oversized", method, path, oversized, "Content-Type", "application/octet-stream",
                            "Authorization", auth));
                }
            }
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Sent sent : answers) {
            statuses.merge(sent.status(), 1, Integer::sum);
            String problem = problem(sent);
            if (problem != null) {
                failures.add(sent.what() + ": " + problem);
            }
        }
        System.out.println("hostile requests: " + answers.size() + " sent, seed " + SEED + ", " + failures.size() + " failures; by status "
                + statuses);
        assertThat(failures).isEmpty();
        assertThat(statuses).containsKeys(400, 401, 403, 404, 405, 413, 415);
        assertInvariantsHold();
    }

    private static String problem(Sent sent) {
        if (sent.status() >= 500 && sent.status() != 503) {
            return sent.status() + " " + sent.body();
        }
        if (sent.body().isEmpty()) {
            return sent.status() < 400 ? null : "an empty " + sent.status();
        }
        if (!sent.type().startsWith("application/json")) {
            return sent.status() < 300 ? null : "not JSON: " + sent.type() + " " + sent.body().substring(0, Math.min(200, sent.body().length()));
        }
        JsonNode body = JSON.readTree(sent.body());
        if (sent.status() >= 400 && !body.path("detail").isString() && !body.path("message").isString()) {
            return sent.status() + " without a detail: " + sent.body();
        }
        if (sent.status() == 503 && !List.of("Stripe is not configured", "Google sign-in is not configured").contains(body.path("detail").asString(""))) {
            return "503 " + sent.body();
        }
        return null;
    }
}
