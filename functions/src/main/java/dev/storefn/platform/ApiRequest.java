package dev.storefn.platform;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as every adapter hands it to the dispatcher, and as the dispatcher hands it, resolved,
 * to an operation. Header names are lower-case. The dispatcher fills in the path parameters, the caller,
 * the client address and the request id.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String peerAddress,
        Map<String, String> pathParameters,
        Caller caller,
        String clientAddress,
        String requestId) {

    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = lowerCaseKeys(headers);
        body = body == null ? new byte[0] : body;
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** A request as it arrives, before the dispatcher has looked at it. */
    public static ApiRequest incoming(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body, String peerAddress) {
        return new ApiRequest(method, path, query, headers, body, peerAddress, Map.of(), Caller.ANONYMOUS, peerAddress, null);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or null when absent. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** A path parameter as the integer id every route template promises; the dispatcher has checked it. */
    public long pathId(String name) {
        return Long.parseLong(pathParameters.get(name));
    }

    ApiRequest resolved(Map<String, String> parameters, String client, String id) {
        return new ApiRequest(method, path, query, headers, body, peerAddress, parameters, caller, client, id);
    }

    public ApiRequest withCaller(Caller newCaller) {
        return new ApiRequest(method, path, query, headers, body, peerAddress, pathParameters, newCaller, clientAddress, requestId);
    }

    /** Parses {@code a=1&b=2&b=3}, the form of a URL query string and of urlencoded bodies. */
    public static Map<String, List<String>> parseQueryString(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The inverse of {@link #parseQueryString}. */
    public static String encodeQuery(Map<String, List<String>> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> {
            if (!raw.isEmpty()) {
                raw.append('&');
            }
            raw.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return raw.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(lower);
    }
}
