package dev.storefn.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal with its status and JSON body, in the shapes of the original API: {@code {"detail"}} for
 * framework and auth errors, {@code {"error", "detail"}} for business errors, and field maps (plus a
 * {@code detail} string) for validation. Carries no stack trace: it is an answer, not a fault.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> body;
    private final Map<String, String> headers;

    private ApiException(int status, Map<String, Object> body, Map<String, String> headers) {
        super(String.valueOf(body.get("detail")), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** {@code {"detail": text}}. */
    public static ApiException detail(int status, String detail) {
        return new ApiException(status, Map.of("detail", detail), Map.of());
    }

    /** {@code {"detail": text, "code": code}}, as simplejwt words its authentication failures. */
    public static ApiException detail(int status, String detail, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("code", code);
        return new ApiException(status, body, Map.of());
    }

    /** {@code {"error": text, "detail": text}}: the original's business errors, readable by the storefront's generic handler. */
    public static ApiException error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("detail", message);
        return new ApiException(status, body, Map.of());
    }

    /** 400 {@code {"field": ["message"]}} plus the first message as {@code detail}. */
    public static ApiException invalid(String field, String message) {
        return invalid(Map.of(field, List.of(message)));
    }

    /** 400 with a field map; {@code detail} is the first message. */
    public static ApiException invalid(Map<String, List<String>> fieldErrors) {
        Map<String, Object> body = new LinkedHashMap<>(fieldErrors);
        String first = fieldErrors.values().stream().flatMap(List::stream).findFirst().orElse("Invalid input.");
        body.put("detail", first);
        return new ApiException(400, body, Map.of());
    }

    /** 404 in Django's words: {@code No Product matches the given query.} */
    public static ApiException notFound(String model) {
        return detail(404, "No " + model + " matches the given query.");
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, body, more);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
