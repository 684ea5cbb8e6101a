package dev.storefn.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operation answers: a status, a body the dispatcher serialises to JSON (null for none),
 * extra headers and cookies.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers, List<String> cookies) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    public static ApiResponse ok(Object body) {
        return of(200, body);
    }

    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of(), List.of());
    }

    public static ApiResponse noContent() {
        return of(204, null);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more, cookies);
    }

    public ApiResponse withCookie(String setCookie) {
        List<String> more = new ArrayList<>(cookies);
        more.add(setCookie);
        return new ApiResponse(status, body, headers, more);
    }
}
