package dev.storefn.devtools.docs;

import static dev.storefn.devtools.docs.Schemas.described;
import static dev.storefn.devtools.docs.Schemas.ordered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.storefn.RouteTable;
import dev.storefn.platform.access.Access;
import dev.storefn.platform.access.RateLimit;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.binding.Slot;
import dev.storefn.platform.binding.Source;
import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.WholeBody;
import dev.storefn.platform.routes.Route;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the OpenAPI 3.1 document that {@code GET /schema/} serves, derived from the route table and the
 * operations' own records: parameters, headers, request bodies, response schemas with examples, who may call,
 * the limits and the error shapes. Each operation is tagged with its feature, the package it lives in. It runs
 * at build time, like the SAM template: the document changes only with the code, so no instance pays for making
 * it, and a test keeps the committed file equal to what the route table says ({@link #REGENERATE}).
 */
public final class OpenApiGenerator {

    static final String REGENERATE = "./mvnw -q -pl devtools -am compile exec:java@openapi"
            + " > functions/src/main/resources/" + OpenApiDocument.RESOURCE;

    /** The features' tags in the order a reader meets them; a route of none of them is the service's own. */
    private static final Map<String, Object> TAGS = ordered(
            "accounts", "Sign up, sign in (password or Google), tokens, and the signed-in user",
            "catalog", "Products: the storefront's list and pages, and staff's changes",
            "cart", "The signed-in user's cart and wishlist",
            "addresses", "The signed-in user's address book",
            "orders", "Placing orders, the buyer's and staff's views of them, cancelling and staff's status changes",
            "payments", "Stripe Checkout: the return from it and Stripe's webhook",
            "panel", "The staff panel: users, dashboard and reports",
            "service", "Health, this document and its Swagger UI");

    private static final Map<String, Object> ERROR = ordered(
            "type", "object",
            "description", "A refusal: `detail` always; a business rule's refusal has the same text as `error` too.",
            "required", List.of("detail"),
            "additionalProperties", false,
            "properties", ordered(
                    "detail", described(ordered("type", "string"), "What went wrong, in words to show the user"),
                    "error", described(ordered("type", "string"), "The same text as `detail`, on the refusals of business rules"),
                    "code", described(ordered("type", "string"), "A token's refusal, in simplejwt's words (`user_not_found`, ...)"),
                    "request_id", described(ordered("type", "string"),
                            "On an unexpected failure (500): the id its log lines carry, to quote to the shop"),
                    "status", described(ordered("type", "string", "enum", List.of("unavailable")), "On GET /health/'s 503")));

    private static final Map<String, Object> VALIDATION_ERROR = ordered(
            "type", "object",
            "description", "Field errors: each field with its messages, and the first message as `detail`.",
            "required", List.of("detail"),
            "properties", ordered("detail", described(ordered("type", "string"), "The first message")),
            "additionalProperties", ordered("type", "array", "items", ordered("type", "string")));

    private static final Map<String, Object> RETRY_AFTER = ordered("Retry-After", ordered(
            "description", "Seconds to wait before trying again",
            "schema", ordered("type", "integer", "minimum", 1), "example", 30));

    /** The error answers, by status; operations refer to the ones they may give. */
    private static final Map<String, Object> RESPONSES = ordered(
            "Invalid", error("The input breaks a rule: field errors, or a business rule's refusal (`error` and `detail`)",
                    List.of("ValidationError", "Error"), null,
                    "fields", ordered("email", List.of("Enter a valid email address."), "detail", "Enter a valid email address."),
                    "refused", ordered("error", "Only 3 item(s) available in stock.", "detail", "Only 3 item(s) available in stock."),
                    "detail", ordered("detail", "Invalid credentials")),
            "NotSignedIn", error("No valid token (or one of a blocked account)", List.of("Error"),
                    ordered("WWW-Authenticate", ordered("description", "`Bearer realm=\"api\"`", "schema", ordered("type", "string"))),
                    "none", ordered("detail", "Authentication credentials were not provided."),
                    "blocked", ordered("detail", "Your account has been blocked. Please contact support.")),
            "NotStaff", error("Signed in, but not staff", List.of("Error"), null,
                    "forbidden", ordered("detail", "You do not have permission to perform this action.")),
            "NotFound", error("No such object, or not the caller's", List.of("Error"), null,
                    "detail", ordered("detail", "No Product matches the given query."),
                    "error", ordered("error", "Order not found", "detail", "Order not found")),
            "RateLimited", error("Too many calls from this client network; Retry-After says when to try again", List.of("Error"),
                    RETRY_AFTER, "throttled", ordered("detail", "Request was throttled. Expected available in 840 seconds.")),
            "Refused", error("Another refusal: 405 method not allowed, 409 a retry while the first is in progress, 413 too large,"
                    + " 415 an unread body format, 422 an Idempotency-Key reused for another request", List.of("Error"), null,
                    "method", ordered("detail", "Method \"PUT\" not allowed.")),
            "Unavailable", error("The database, or a provider the route needs, is unavailable (or not configured); Retry-After"
                    + " says when to try again, when storefn knows", List.of("Error"), RETRY_AFTER,
                    "outage", ordered("detail", "Service temporarily unavailable."),
                    "provider", ordered("error", "Payment provider unavailable", "detail", "Payment provider unavailable")),
            "Failed", error("An unexpected failure (500), or a provider that failed (502)", List.of("Error"), null,
                    "unexpected", ordered("detail", "Internal error", "request_id", "3f2a9c1e7b4d4e0f9a8b7c6d5e4f3a2b")));

    private static final Map<String, Object> SECURITY_SCHEMES = ordered(
            "bearer", ordered("type", "http", "scheme", "bearer", "bearerFormat", "JWT",
                    "description", "`Authorization: Bearer <access>`: the access token of POST /api/login/, /api/register/ or"
                            + " /api/google/, valid for an hour; POST /api/refresh/ gives a new one"),
            "cookie", ordered("type", "apiKey", "in", "cookie", "name", "__Host-access",
                    "description", "Cookie mode only (AUTH_COOKIES=true): sign-in also sets the tokens as HttpOnly cookies"),
            "csrf", ordered("type", "apiKey", "in", "header", "name", "X-CSRFToken",
                    "description", "Cookie mode only: a write authenticated by the cookie must echo the `__Host-csrftoken`"
                            + " cookie in this header"));

    private static final String IDEMPOTENCY = "Any text of 1 to 255 printable ASCII characters, new for each order: a retry with"
            + " the same key (same user, same request) gets the first answer again instead of placing a second order; the"
            + " same key with another request is 422, and a retry while the first is still running is 409.";

    private OpenApiGenerator() {
    }

    public static void main(String[] args) {
        System.out.print(render(RouteTable.ROUTES));
    }

    /** The document as committed: indented, so a change to a route reads as a small diff, and the same at every run. */
    static String render(List<Route> routes) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(inStableOrder(build(routes)))
                + "\n";
    }

    /** Maps built in order keep it; the others ({@code Map.of}, whose order changes from one JVM to the next) are sorted. */
    private static Object inStableOrder(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> ordered = map instanceof LinkedHashMap<?, ?> ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((key, child) -> ordered.put(key, inStableOrder(child)));
            return ordered;
        }
        return value instanceof List<?> list ? list.stream().map(OpenApiGenerator::inStableOrder).toList() : value;
    }

    public static Map<String, Object> build(List<Route> routes) {
        Schemas schemas = new Schemas();
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), path -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        Map<String, Object> componentSchemas = new LinkedHashMap<>(schemas.components());
        componentSchemas.put("Error", ERROR);
        componentSchemas.put("ValidationError", VALIDATION_ERROR);

        List<Object> tags = new ArrayList<>();
        TAGS.forEach((name, description) -> tags.add(ordered("name", name, "description", description)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", ordered(
                "title", "storefn",
                "version", "1",
                "description", "The Souled Store shop API, served as functions. Errors always carry `detail` as a string;"
                        + " money is exact, written as strings with two decimals.",
                "license", ordered("name", "MIT", "identifier", "MIT")));
        document.put("servers", List.of(ordered("url", "/", "description", "The host that serves this document")));
        document.put("tags", tags);
        document.put("paths", paths);
        document.put("components", ordered("securitySchemes", SECURITY_SCHEMES, "schemas", componentSchemas, "responses", RESPONSES));
        return document;
    }

    /** The feature a route belongs to: the package of its operation. */
    static String tag(Route route) {
        String name = route.operation().getPackageName();
        String feature = name.substring(name.lastIndexOf('.') + 1);
        return TAGS.containsKey(feature) ? feature : "service";
    }

    private static Map<String, Object> operation(Route route, Schemas schemas) {
        InputBinder binder = InputBinder.of(route.input(), route.parameterNames());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.name());
        operation.put("summary", route.summary());
        operation.put("description", description(route));
        operation.put("tags", List.of(tag(route)));
        operation.put("x-access", route.access().label());
        operation.put("security", security(route));
        List<Map<String, Object>> parameters = parameters(route, binder, schemas);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> body = requestBody(binder, schemas);
        if (body != null) {
            operation.put("requestBody", body);
        }
        operation.put("responses", responses(route, binder, schemas));
        return operation;
    }

    /** Who may call, how often, and what the input record adds about the request. */
    private static String description(Route route) {
        StringBuilder text = new StringBuilder(switch (route.access()) {
            case ANONYMOUS -> "Anyone may call. A token, if sent, is checked: a blocked account's is refused.";
            case ANYONE -> "Anyone may call, blocked accounts too; no token is checked.";
            case USER -> "Signed-in users whose account is not blocked.";
            case STAFF -> "Staff (`is_staff`) only.";
        });
        RateLimit limit = route.rateLimit();
        if (limit != null) {
            text.append(" At most ").append(limit.limit()).append(" calls per ").append(words(limit.window()))
                    .append(" from one client network (an IPv4 address, or an IPv6 /64), whatever their outcome; then 429.");
        }
        Doc doc = route.input().getAnnotation(Doc.class);
        if (doc != null) {
            text.append("\n\n").append(doc.value());
        }
        return text.toString();
    }

    private static String words(Duration window) {
        return window.toMinutes() % 60 == 0 ? window.toHours() + (window.toHours() == 1 ? " hour" : " hours")
                : window.toMinutes() + " minutes";
    }

    /**
     * Open routes may be called with no credentials; every route takes a bearer token, or in cookie mode the cookie
     * (writes with the CSRF header).
     */
    private static List<Object> security(Route route) {
        List<Object> ways = new ArrayList<>();
        if (route.access() == Access.ANONYMOUS || route.access() == Access.ANYONE) {
            ways.add(ordered());
        }
        ways.add(ordered("bearer", List.of()));
        ways.add("GET".equals(route.method()) ? ordered("cookie", List.of()) : ordered("cookie", List.of(), "csrf", List.of()));
        return ways;
    }

    private static List<Map<String, Object>> parameters(Route route, InputBinder binder, Schemas schemas) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Slot slot : binder.slots()) {
            switch (slot.source()) {
                case PATH -> parameters.add(parameter(slot.wireName(), "path", true, schemas.input(slot)));
                case QUERY -> parameters.add(parameter(slot.wireName(), "query", false, schemas.input(slot)));
                case HEADER -> parameters.add(parameter(slot.wireName(), "header", false, schemas.input(slot)));
                case PAGING -> {
                    Map<String, Object> positive = ordered("type", "integer", "minimum", 1);
                    parameters.add(parameter("page", "query", false, described(positive,
                            "The page to answer, from 1; with it (or page_size) the answer is one page, not a bare array")));
                    parameters.add(parameter("page_size", "query", false, described(positive,
                            "Items per page: 20 unless given, at most 100 (a larger size is cut to 100)")));
                }
                default -> {
                }
            }
        }
        if (route.idempotent()) {
            parameters.add(parameter("Idempotency-Key", "header", false, described(
                    ordered("type", "string", "minLength", 1, "maxLength", 255, "pattern", "^[!-~]+$",
                            "examples", List.of("b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d")), IDEMPOTENCY)));
        }
        return parameters;
    }

    /** A parameter; its description and example are the parameter's, where Swagger UI shows them. */
    private static Map<String, Object> parameter(String name, String in, boolean required, Map<String, Object> schema) {
        Map<String, Object> typeOnly = new LinkedHashMap<>(schema);
        Object description = typeOnly.remove("description");
        Object examples = typeOnly.remove("examples");
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        if (description != null) {
            parameter.put("description", description);
        }
        parameter.put("schema", typeOnly);
        if (examples instanceof List<?> list) {
            parameter.put("example", list.get(0));
        }
        return parameter;
    }

    private static Map<String, Object> requestBody(InputBinder binder, Schemas schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        boolean files = false;
        Class<?> named = binder.type();
        for (Slot slot : binder.slots()) {
            if (slot.source() == Source.RAW_BODY) {
                // Read as bytes (a provider's signed event); only its description can say what it holds.
                Map<String, Object> raw = Schemas.documented(ordered("type", "object"), Schemas.doc(slot.component()));
                return ordered("required", true, "content", ordered("application/json", ordered("schema", raw)));
            }
            if (slot.source() == Source.WHOLE_BODY) {
                boolean partial = slot.component().getAnnotation(WholeBody.class).partial();
                Map<String, Object> whole = schemas.body(slot.rawType(), partial);
                properties.putAll(Schemas.cast(whole.get("properties")));
                if (whole.get("required") instanceof List<?> fields) {
                    fields.forEach(field -> required.add((String) field));
                }
                named = partial ? binder.type() : slot.rawType();
                continue;
            }
            boolean inBody = slot.source() == Source.BODY || slot.source() == Source.FILE
                    || slot.source() == Source.CREDENTIAL && slot.credential() == Credential.Kind.REFRESH;
            if (!inBody) {
                continue;
            }
            files |= slot.source() == Source.FILE;
            properties.put(slot.wireName(), schemas.input(slot));
            if (slot.required()) {
                required.add(slot.wireName());
            }
        }
        if (properties.isEmpty()) {
            return null;
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        Map<String, Object> reference = schemas.named(named, schema);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("application/json", ordered("schema", reference, "example", schemas.example(reference)));
        content.put(files ? "multipart/form-data" : "application/x-www-form-urlencoded", ordered("schema", reference));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("required", !required.isEmpty());
        body.put("content", content);
        return body;
    }

    private static Map<String, Object> responses(Route route, InputBinder binder, Schemas schemas) {
        Map<String, Object> responses = new LinkedHashMap<>();
        String status = Integer.toString(route.success().status());
        if (route.success() == Route.Success.NO_CONTENT) {
            responses.put(status, ordered("description", "Done; no body"));
        } else if (route.output().resolve(Object.class) == Document.class) {
            responses.put(status, ordered("description", "The document",
                    "content", ordered("*/*", ordered("schema", ordered("type", "string", "format", "binary")))));
        } else {
            Map<String, Object> schema = schemas.of(route.output());
            Object example = schemas.example(schema);
            Map<String, Object> json = example == null ? ordered("schema", schema) : ordered("schema", schema, "example", example);
            responses.put(status, ordered("description", route.success() == Route.Success.CREATED ? "Created" : "OK",
                    "content", ordered("application/json", json)));
        }
        boolean takesInput = binder.slots().stream().anyMatch(slot -> slot.source() != Source.CALLER);
        if (takesInput) {
            responses.put("400", ref("Invalid"));
        }
        if (route.access() != Access.ANONYMOUS && route.access() != Access.ANYONE) {
            responses.put("401", ref("NotSignedIn"));
        }
        if (route.access() == Access.STAFF) {
            responses.put("403", ref("NotStaff"));
        }
        if (!route.parameterNames().isEmpty()) {
            responses.put("404", ref("NotFound"));
        }
        if (route.rateLimit() != null) {
            responses.put("429", ref("RateLimited"));
        }
        responses.put("4XX", ref("Refused"));
        responses.put("503", ref("Unavailable"));
        responses.put("default", ref("Failed"));
        return responses;
    }

    private static Map<String, Object> ref(String response) {
        return ordered("$ref", "#/components/responses/" + response);
    }

    /** An error answer of one of {@code schemas}, with its headers (null: none) and examples, given as name, body pairs. */
    private static Map<String, Object> error(String description, List<String> schemas, Map<String, Object> headers,
            Object... examples) {
        List<Object> refs = schemas.stream().map(schema -> (Object) ordered("$ref", "#/components/schemas/" + schema)).toList();
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < examples.length; i += 2) {
            named.put((String) examples[i], ordered("value", examples[i + 1]));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if (headers != null) {
            response.put("headers", headers);
        }
        response.put("content", ordered("application/json", ordered(
                "schema", refs.size() == 1 ? refs.get(0) : ordered("anyOf", refs), "examples", named)));
        return response;
    }
}
