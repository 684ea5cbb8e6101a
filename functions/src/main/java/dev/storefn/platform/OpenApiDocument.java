package dev.storefn.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** {@code GET /schema/}: the OpenAPI 3.1 document, derived from the route table. */
@Component("openApiDocument")
class OpenApiDocument implements Function<ApiRequest, ApiResponse> {

    private final Map<String, Object> document = build();

    @Override
    public ApiResponse apply(ApiRequest request) {
        return ApiResponse.ok(document);
    }

    static Map<String, Object> build() {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route route : RouteTable.ROUTES) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), path -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "storefn", "version", "1",
                "description", "The Souled Store shop API, served as functions."));
        document.put("paths", paths);
        document.put("components", Map.of("securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
        return document;
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.function());
        operation.put("summary", route.summary());
        operation.put("x-access", route.access().label());
        if (route.access() != Access.ANONYMOUS) {
            operation.put("security", List.of(Map.of("bearer", List.of())));
        }
        List<Map<String, Object>> parameters = route.parameterNames().stream()
                .map(name -> Map.<String, Object>of("name", name, "in", "path", "required", true,
                        "schema", Map.of("type", "integer", "format", "int64")))
                .toList();
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "Success", "content", Map.of("application/json", Map.of())));
        responses.put("default", Map.of("description", "An error: JSON with a `detail` string"));
        operation.put("responses", responses);
        return operation;
    }
}
