package dev.storefn.platform.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished HTTP answer every adapter writes out as it is: status, headers (several values for
 * {@code Set-Cookie}) and the body bytes, so the web and Lambda answers are byte-identical. A body too large to
 * hold is {@code streamed} instead: written out by the adapter as it is produced ({@code body} is then empty).
 */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body, Streamed streamed) {

    public static final String JSON = "application/json";

    /** A body written to the client's stream as it is produced. */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    public WireResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    public WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public static WireResponse streamed(int status, Map<String, List<String>> headers, Streamed body) {
        return new WireResponse(status, headers, new byte[0], body);
    }

    /** The same answer with its body in memory: a streamed one is written out now. */
    public WireResponse held() {
        if (streamed == null) {
            return this;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            streamed.writeTo(out);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return new WireResponse(status, headers, out.toByteArray());
    }

    public static WireResponse json(int status, byte[] body) {
        return new WireResponse(status, Map.of("Content-Type", List.of(JSON)), body);
    }

    public static WireResponse json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static WireResponse empty(int status) {
        return new WireResponse(status, Map.of(), new byte[0]);
    }

    /** The first value of a header; a loop, since the dispatcher asks on every request and a stream would allocate. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    public List<String> headerValues(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).toList();
    }

    /** Whether the body is text a UTF-8 string carries unchanged (JSON, HTML, not compressed), rather than bytes to base64. */
    public boolean textual() {
        String type = header("Content-Type");
        return header("Content-Encoding") == null && (type == null || type.startsWith("application/json") || type.startsWith("text/"));
    }

    public WireResponse withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new WireResponse(status, more, body, streamed);
    }

    public WireResponse withHeaders(Map<String, List<String>> extra) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.putAll(extra);
        return new WireResponse(status, more, body, streamed);
    }

    public WireResponse withoutBody() {
        return new WireResponse(status, headers, new byte[0]);
    }
}
