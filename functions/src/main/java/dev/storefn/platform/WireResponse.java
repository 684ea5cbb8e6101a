package dev.storefn.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished HTTP answer every adapter writes out as it is: status, headers (several values for
 * {@code Set-Cookie}) and the body bytes, so the web and Lambda answers are byte-identical.
 */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public WireResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        headers.forEach((key, list) -> {
            if (key.equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        return values;
    }

    WireResponse withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new WireResponse(status, more, body);
    }

    WireResponse withoutBody() {
        return new WireResponse(status, headers, new byte[0]);
    }
}
