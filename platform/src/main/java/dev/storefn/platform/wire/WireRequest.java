package dev.storefn.platform.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as an adapter (web, Lambda, command line) read it off the wire: method, path, query,
 * headers (names lower-cased), body bytes and the socket peer. Operations never see it; the platform binds
 * what they need from it into their input records.
 */
public record WireRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
        byte[] body, String peerAddress) {

    public WireRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = lowerCaseKeys(headers);
        body = body == null ? new byte[0] : body;
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

    /** The media type of the body, lower-cased and without parameters; empty when none is given. */
    public String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(lower);
    }
}
