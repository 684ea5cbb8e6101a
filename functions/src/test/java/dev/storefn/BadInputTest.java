package dev.storefn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.Invariants;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every route, generated from the OpenAPI document of the route table: malformed and mistyped
 * bodies, huge, negative and unknown ids, long text, NUL bytes, broken UTF-8 and multipart, wrong content
 * types and hostile headers, as nobody, a user, a blocked user and staff. Every answer is JSON with a
 * {@code detail} string and never a failure; the only 5xx allowed are the "not configured" 503s of the contract.
 * Seeded, so a failure replays.
 */
class BadInputTest extends FunctionsTest {

    private static final long SEED = 20261201L;

    private JsonNode schemas;
    private static final List<String> NOT_CONFIGURED = List.of("Stripe is not configured", "Google sign-in is not configured");

    private static final List<String> BODIES = List.of("", "{", "[]", "null", "\"text\"", "42", "{\"a\":", "{}",
            "{\"x\": " + "[".repeat(2000) + "}", "\u0000", "{\"id\": \"\\u0000\"}");
    private static final List<Object> VALUES = List.of("", " ", "\u0000", "a\u0000b", "x".repeat(5000), "💥 ünïcødé ₹", -1, 0,
            Long.MAX_VALUE, "99999999999999999999999999999", 1e308, -1e-308, true, List.of(), Map.of(), "NaN", "1e5", "12,5",
            "<script>alert(1)</script>", "' OR 1=1 --");

    @Test
    void everyRouteAnswersBadInputWithJsonAndNeverAFailure() {
        // Other tests seed orders straight into the tables; the invariants are checked on what this test leaves.
        jdbc.sql("TRUNCATE orders, processed_webhook_events RESTART IDENTITY CASCADE").update();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("user", signUp("bad-input-user"));
        callers.put("blocked", signUp("bad-input-blocked"));
        callers.put("staff", signUp("bad-input-staff"));
        jdbc.sql("UPDATE users SET is_block = true WHERE email LIKE 'bad-input-blocked-%'").update();
        jdbc.sql("UPDATE users SET is_staff = true WHERE email LIKE 'bad-input-staff-%'").update();
        JsonNode document = json.mapper().valueToTree(OpenApiDocument.build(RouteTable.ROUTES));
        JsonNode paths = document.get("paths");
        schemas = document.get("components").get("schemas");
        Random random = new Random(SEED);
        int sent = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        // Logging out ends the callers' sessions, so that route goes last.
        List<String> templates = new ArrayList<>(paths.propertyNames());
        templates.sort(java.util.Comparator.comparing(template -> template.equals("/api/logout/")));
        for (String template : templates) {
            JsonNode item = paths.get(template);
            for (String method : item.propertyNames()) {
                JsonNode operation = item.get(method);
                List<String> fields = fields(operation);
                for (int round = 0; round < 70; round++) {
                    String path = path(template, random);
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
                        String sentMethod = random.nextInt(10) == 0 ? methods[random.nextInt(methods.length)] : method.toUpperCase();
                        WireRequest request = request(sentMethod, path, fields, caller.getValue(), random);
                        // In the build's Lambda pass every one of them goes as an API Gateway event through FunctionInvoker.
                        WireResponse response = deliver(request, QueryStrings.encode(request.query()));
                        sent++;
                        statuses.merge(response.status(), 1, Integer::sum);
                        String problem = problem(response);
                        if (problem != null) {
                            failures.add(caller.getKey() + " " + request.method() + " " + request.path() + " ("
                                    + request.header("content-type") + ", " + request.body().length + " bytes): " + problem);
                        }
                    }
                }
            }
        }
        System.out.println("bad input" + (ThroughLambda.active() ? " through Lambda events" : "") + ": " + sent + " requests, seed " + SEED + ", " + failures.size() + " failures; by status " + statuses);
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        // The mutations reach past the front door: refusals of every kind, and some successes too.
        assertThat(statuses).containsKeys(200, 400, 401, 403, 404, 405);
        assertThat(failures).isEmpty();
        // And nothing half-written: the shop's invariants hold afterwards.
        Invariants.assertHold(jdbc);
    }

    private String signUp(String name) {
        String email = name + "-" + System.nanoTime() + "@example.com";
        WireResponse registered = sendFrom("198.51.120." + (1 + Math.floorMod(name.hashCode(), 250)), "POST", "/api/register/",
                "{\"email\": \"" + email + "\", \"password\": \"a long password\"}", Map.of());
        assertThat(registered.status()).isEqualTo(201);
        return body(registered).get("access").asString();
    }

    private String problem(WireResponse response) {
        if (response.status() == 204 || response.status() == 301 || response.status() == 308
                || response.status() == 200 && response.body().length == 0) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type != null && !type.startsWith("application/json")) {
            return response.status() < 300 ? null : "not JSON: " + type;
        }
        JsonNode body;
        try {
            body = json.mapper().readTree(response.body());
        } catch (RuntimeException e) {
            return "unreadable JSON";
        }
        if (response.status() >= 500) {
            String detail = body.path("detail").asString("");
            return response.status() == 503 && NOT_CONFIGURED.contains(detail) ? null
                    : response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
        }
        if (response.status() == 413 && ThroughLambda.active()
                && ThroughLambda.expectedSizeRefusal().equals(ThroughLambda.sizeRefusal(body))) {
            return null;
        }
        if (response.status() >= 400 && !body.path("detail").isString()) {
            return response.status() + " without a detail string: " + new String(response.body(), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static List<String> fields(JsonNode operation) {
        List<String> fields = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> fields.add("?" + parameter.get("name").asString()));
        // Body fields come from the document's components; their names are enough to aim the mutations.
        operation.path("requestBody").path("content").forEach(content -> {
            String ref = content.path("schema").path("$ref").asString("");
            if (!ref.isEmpty()) {
                fields.add("#" + ref.substring(ref.lastIndexOf('/') + 1));
            }
        });
        return fields;
    }

    private String path(String template, Random random) {
        String[] ids = {"1", "0", "-1", "abc", "99999999999999999999", "9223372036854775807", "%00", "1.5", "%2F", "😀"};
        return template.replaceAll("\\{[^}]+}", ids[random.nextInt(ids.length)]);
    }

    private WireRequest request(String method, String path, List<String> fields, String token, Random random) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        byte[] body;
        int kind = random.nextInt(10);
        String contentType = "application/json";
        Map<String, Object> object = new LinkedHashMap<>();
        for (String field : fields) {
            if (field.startsWith("?")) {
                if (random.nextBoolean()) {
                    query.put(field.substring(1), List.of(String.valueOf(VALUES.get(random.nextInt(VALUES.size())))));
                }
            } else {
                schemas.path(field.substring(1)).path("properties").propertyNames().forEach(name -> {
                    if (random.nextInt(3) > 0) {
                        object.put(name, VALUES.get(random.nextInt(VALUES.size())));
                    }
                });
            }
        }
        if (random.nextInt(4) == 0) {
            object.put("cart", List.of(Map.of("id", VALUES.get(random.nextInt(VALUES.size())), "quantity",
                    VALUES.get(random.nextInt(VALUES.size())))));
        }
        switch (kind) {
            case 0 -> body = BODIES.get(random.nextInt(BODIES.size())).getBytes(StandardCharsets.UTF_8);
            case 1 -> body = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 2 -> {
                contentType = "multipart/form-data; boundary=xyz";
                body = ("--xyz\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n\r\n\u0089PNG broken")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                contentType = "application/x-www-form-urlencoded";
                body = "name=%00&price=abc&stock=-1&quantity=%ZZ&product_id=1e9".getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                contentType = random.nextBoolean() ? "text/plain" : "application/xml";
                body = json.write(object);
            }
            default -> body = json.write(object);
        }
        headers.put("Content-Type", List.of(contentType));
        if (token != null) {
            headers.put("Authorization", random.nextInt(8) == 0 ? List.of("Bearer " + token, "Bearer other") : List.of("Bearer " + token));
        } else if (random.nextInt(5) == 0) {
            headers.put("Authorization", List.of(random.nextBoolean() ? "Bearer" : "Bearer a b c"));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Forwarded-For", List.of("1.2.3.4, 5.6.7.8, not-an-ip, ::1, 127.0.0.1"));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Cookie", List.of("access=" + "x".repeat(9000) + "; csrftoken=\u0000"));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Idempotency-Key", List.of(random.nextBoolean() ? "k\u0000" : "key-" + random.nextInt(5)));
        }
        if (random.nextInt(8) == 0) {
            headers.put("Stripe-Signature", List.of("t=1,v1=" + "0".repeat(64)));
        }
        return new WireRequest(method, path, query, headers, body, "203.0.113." + (1 + random.nextInt(250)));
    }
}
