package dev.storefn.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.storefn.platform.wire.WireRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Bad input on every route, generated from the OpenAPI document of the route table: malformed and mistyped
 * bodies, huge, negative and unknown ids, long text, NUL bytes, broken UTF-8 and multipart, wrong content
 * types and hostile headers, for each caller given. Seeded, so a failure replays. The functions tests send
 * the requests to the dispatcher (and, in the Lambda pass, as events); the runner's over real HTTP.
 */
public final class BadInput {

    public static final long SEED = 20261201L;
    /** Per route and caller. */
    private static final int ROUNDS = 70;

    /** The only 5xx allowed: the contract's "not configured" 503s. */
    private static final List<String> NOT_CONFIGURED = List.of("Stripe is not configured", "Google sign-in is not configured");
    private static final List<String> BODIES = List.of("", "{", "[]", "null", "\"text\"", "42", "{\"a\":", "{}",
            "{\"x\": " + "[".repeat(2000) + "}", "\u0000", "{\"id\": \"\\u0000\"}");
    private static final List<Object> VALUES = List.of("", " ", "\u0000", "a\u0000b", "x".repeat(5000), "💥 ünïcødé ₹", -1, 0,
            Long.MAX_VALUE, "99999999999999999999999999999", 1e308, -1e-308, true, List.of(), Map.of(), "NaN", "1e5", "12,5",
            "<script>alert(1)</script>", "' OR 1=1 --",
            // Written raw into the JSON text: numbers no double or long holds.
            new RawValue("1e400"), new RawValue("-1e400"), new RawValue("1e-400"), new RawValue("123456789012345678901234567890"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One generated request and who sends it. */
    public record Attempt(String caller, WireRequest request) {

        public String describe() {
            return caller + " " + request.method() + " " + request.path() + " (" + request.header("content-type") + ", "
                    + request.body().length + " bytes)";
        }
    }

    private BadInput() {
    }

    /** Every attempt, route by route; logging out ends the callers' sessions, so that route goes last. */
    public static List<Attempt> attempts(JsonNode document, Map<String, String> callers) {
        JsonNode paths = document.get("paths");
        JsonNode schemas = document.get("components").get("schemas");
        Random random = new Random(SEED);
        List<String> templates = new ArrayList<>(paths.propertyNames());
        templates.sort(Comparator.comparing(template -> template.equals("/api/logout/")));
        List<Attempt> attempts = new ArrayList<>();
        for (String template : templates) {
            JsonNode item = paths.get(template);
            for (String method : item.propertyNames()) {
                List<String> fields = fields(item.get(method));
                for (int round = 0; round < ROUNDS; round++) {
                    String path = path(template, random);
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
                        String sentMethod = random.nextInt(10) == 0 ? methods[random.nextInt(methods.length)] : method.toUpperCase();
                        attempts.add(new Attempt(caller.getKey(), request(sentMethod, path, fields, schemas, caller.getValue(), random)));
                    }
                }
            }
        }
        return attempts;
    }

    /**
     * What is wrong with an answer, or null: it must be JSON with a {@code detail} string, or a success, and
     * never a failure. Through Lambda an oversized event gets API Gateway's own 413.
     */
    public static String problem(int status, String contentType, byte[] body) {
        if (status == 204 || status == 301 || status == 308 || status == 200 && body.length == 0) {
            return null;
        }
        if (contentType != null && !contentType.startsWith("application/json")) {
            return status < 300 ? null : "not JSON: " + contentType;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "unreadable JSON";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (status >= 500) {
            return status == 503 && NOT_CONFIGURED.contains(answer.path("detail").asString("")) ? null : status + " " + text;
        }
        if (status == 413 && ThroughLambda.active() && ThroughLambda.expectedSizeRefusal().equals(ThroughLambda.sizeRefusal(answer))) {
            return null;
        }
        if (status >= 400 && !answer.path("detail").isString()) {
            return status + " without a detail string: " + text;
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

    private static String path(String template, Random random) {
        String[] ids = {"1", "0", "-1", "abc", "99999999999999999999", "9223372036854775807", "%00", "1.5", "%2F", "😀"};
        return template.replaceAll("\\{[^}]+}", ids[random.nextInt(ids.length)]);
    }

    private static WireRequest request(String method, String path, List<String> fields, JsonNode schemas, String token, Random random) {
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
                body = JSON.writeValueAsBytes(object);
            }
            default -> body = JSON.writeValueAsBytes(object);
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
