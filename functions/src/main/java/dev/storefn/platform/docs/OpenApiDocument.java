package dev.storefn.platform.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.Access;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.binding.Slot;
import dev.storefn.platform.binding.Source;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.WholeBody;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.routes.Router;

/**
 * {@code GET /schema/}: the OpenAPI 3.1 document of every route, derived from the route table and the
 * operations' own records: parameters, request bodies, response schemas, who may call, the error shapes.
 */
@Component
public class OpenApiDocument implements Function<OpenApiDocument.Input, Map<String, Object>> {

    public record Input() {
    }

    private final Router router;
    private Map<String, Object> document;

    OpenApiDocument(Router router) {
        this.router = router;
    }

    /** Built on the first request rather than at start-up, where every cold start (Lambda's too) would pay for it. */
    @Override
    public synchronized Map<String, Object> apply(Input input) {
        if (document == null) {
            document = build(router.routes());
        }
        return document;
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
        componentSchemas.put("Error", Map.of(
                "type", "object",
                "description", "A refusal. Business errors also carry the same text as `error`; some carry a `code`.",
                "required", List.of("detail"),
                "properties", Map.of("detail", Map.of("type", "string"), "error", Map.of("type", "string"),
                        "code", Map.of("type", "string"))));
        componentSchemas.put("ValidationError", Map.of(
                "type", "object",
                "description", "Field errors: each field with its messages, and the first message as `detail`.",
                "required", List.of("detail"),
                "properties", Map.of("detail", Map.of("type", "string")),
                "additionalProperties", Map.of("type", "array", "items", Map.of("type", "string"))));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of(
                "title", "storefn",
                "version", "1",
                "description", "The Souled Store shop API, served as functions.",
                "license", Map.of("name", "MIT", "identifier", "MIT")));
        document.put("servers", List.of(Map.of("url", "/", "description", "The host that serves this document")));
        document.put("paths", paths);
        document.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT",
                        "description", "The access token of POST /api/login/, /api/register/ or /api/google/")),
                "schemas", componentSchemas));
        return document;
    }

    private static Map<String, Object> operation(Route route, Schemas schemas) {
        InputBinder binder = InputBinder.of(route.input(), route.parameterNames());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.name());
        operation.put("summary", route.summary());
        operation.put("x-access", route.access().label());
        // Anyone may call an open route; a token, if sent, is still checked (a blocked account is refused).
        operation.put("security", route.access() == Access.ANONYMOUS || route.access() == Access.ANYONE
                ? List.of(Map.of(), Map.of("bearer", List.of())) : List.of(Map.of("bearer", List.of())));
        List<Map<String, Object>> parameters = parameters(binder, schemas);
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

    private static List<Map<String, Object>> parameters(InputBinder binder, Schemas schemas) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Slot slot : binder.slots()) {
            switch (slot.source()) {
                case PATH -> parameters.add(parameter(slot.wireName(), "path", true, schemas.input(slot)));
                case QUERY -> parameters.add(parameter(slot.wireName(), "query", false, schemas.input(slot)));
                case HEADER -> parameters.add(parameter(slot.wireName(), "header", false, schemas.input(slot)));
                case PAGING -> {
                    Map<String, Object> positive = Map.of("type", "integer", "minimum", 1);
                    parameters.add(parameter("page", "query", false, positive));
                    parameters.add(parameter("page_size", "query", false, positive));
                }
                default -> {
                }
            }
        }
        return parameters;
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, Map<String, Object> schema) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        parameter.put("schema", schema);
        return parameter;
    }

    private static Map<String, Object> requestBody(InputBinder binder, Schemas schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        boolean files = false;
        Class<?> named = binder.type();
        for (Slot slot : binder.slots()) {
            if (slot.source() == Source.WHOLE_BODY) {
                boolean partial = slot.component().getAnnotation(WholeBody.class).partial();
                for (Slot field : InputBinder.of(slot.rawType(), Set.of()).slots()) {
                    properties.put(field.wireName(), schemas.input(field));
                    if (!partial && field.required()) {
                        required.add(field.wireName());
                    }
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
        content.put("application/json", Map.of("schema", reference));
        content.put(files ? "multipart/form-data" : "application/x-www-form-urlencoded", Map.of("schema", reference));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("required", !required.isEmpty());
        body.put("content", content);
        return body;
    }

    private static Map<String, Object> responses(Route route, InputBinder binder, Schemas schemas) {
        Map<String, Object> responses = new LinkedHashMap<>();
        String status = Integer.toString(route.success().status());
        if (route.success() == Route.Success.NO_CONTENT) {
            responses.put(status, Map.of("description", "Done"));
        } else {
            boolean document = route.output().resolve(Object.class) == Document.class;
            responses.put(status, Map.of("description", "Success", "content", document
                    ? Map.of("*/*", Map.of("schema", Map.of("type", "string", "format", "binary")))
                    : Map.of("application/json", Map.of("schema", schemas.of(route.output())))));
        }
        boolean takesInput = binder.slots().stream().anyMatch(slot -> slot.source() != Source.CALLER);
        if (takesInput) {
            responses.put("400", error("Invalid input", "ValidationError"));
        }
        if (route.access() != Access.ANONYMOUS && route.access() != Access.ANYONE) {
            responses.put("401", error("Not signed in", "Error"));
        }
        if (route.access() == Access.STAFF) {
            responses.put("403", error("Not staff", "Error"));
        }
        if (!route.parameterNames().isEmpty()) {
            responses.put("404", error("No such object", "Error"));
        }
        if (route.rateLimit() != null) {
            responses.put("429", error("Rate limited; see Retry-After", "Error"));
        }
        responses.put("4XX", error("Refused", "Error"));
        responses.put("default", error("An unexpected failure (500, with request_id) or an outage (503)", "Error"));
        return responses;
    }

    private static Map<String, Object> error(String description, String schema) {
        return Map.of("description", description,
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema))));
    }
}
