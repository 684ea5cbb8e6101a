package dev.storefn.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Answers as a Lambda function may return them through API Gateway: at most 6 MB of response event, binary bodies
 * in base64. An answer the client accepts gzipped is sent so (the admin order list's JSON shrinks about fifteenfold),
 * and one that would still not fit becomes a JSON error saying so, where the gateway would answer an opaque 502. A
 * streamed answer is written into memory here, and given up as soon as it has grown past what could be sent.
 */
final class LambdaPayloads {

    private static final Logger log = LoggerFactory.getLogger(LambdaPayloads.class);

    /** Lambda's limit on a synchronous response, less room for the status, the headers and the event's own JSON. */
    static final int LIMIT = 6 * 1024 * 1024 - 16 * 1024;

    /** Below this, gzip's framing and base64's third more would cost more than compression saves. */
    static final int WORTH_COMPRESSING = 1024;

    /** Raised by {@link Capped} once the body has grown past what could be sent. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private LambdaPayloads() {
    }

    static WireResponse fit(WireRequest request, WireResponse response) {
        boolean gzip = response.textual() && (response.streamed() != null || response.body().length >= WORTH_COMPRESSING)
                && acceptsGzip(request.header("Accept-Encoding"));
        if (!gzip && response.streamed() == null) {
            return fits(response.body()) ? response : tooLarge(request, response, false);
        }
        // Gzipped, the body goes out in base64: a third larger than its bytes.
        Capped out = new Capped(gzip ? LIMIT / 4 * 3 : LIMIT);
        try (OutputStream body = gzip ? new GZIPOutputStream(out, 64 * 1024) : out) {
            if (response.streamed() != null) {
                response.streamed().writeTo(body);
            } else {
                body.write(response.body());
            }
        } catch (TooLarge tooLarge) {
            return tooLarge(request, response, gzip);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        byte[] bytes = out.toByteArray();
        if (!gzip) {
            WireResponse held = new WireResponse(response.status(), response.headers(), bytes);
            return fits(bytes) ? held : tooLarge(request, held, false);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Encoding", List.of("gzip"));
        headers.put("Vary", List.of("Accept-Encoding"));
        return new WireResponse(response.status(), headers, bytes);
    }

    private static WireResponse tooLarge(WireRequest request, WireResponse response, boolean gzipped) {
        log.warn("answer too large for Lambda: {} {}{}; answered 500", request.method(), request.path(),
                gzipped ? " (even gzipped)" : " (gzip not accepted)");
        // The answer's own headers (request id, security headers) stay; only its body and what described it go.
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Type", List.of(WireResponse.JSON));
        String detail = "This answer is larger than the 6 MB a function on AWS Lambda can return" + (gzipped ? ", even gzipped" : "")
                + ". Ask for it in pages (page and page_size)" + (gzipped ? "" : " or accept gzip (Accept-Encoding)") + ".";
        return new WireResponse(500, headers, ("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether gzip is acceptable: named with a weight above zero, or not named and {@code *} is. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    wanted = parameter.substring(2).trim().matches("0*[1-9].*|0*\\.0*[1-9]\\d*");
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return wanted;
            }
            if (name.equals("*")) {
                any = wanted;
            }
        }
        return Boolean.TRUE.equals(any);
    }

    /**
     * Whether the body fits once written as a JSON string in the response event: quotes, backslashes and controls
     * escaped. Escaping makes a byte at most six, so the bytes are counted only for a body that could not fit.
     */
    private static boolean fits(byte[] body) {
        return (long) body.length * 6 <= LIMIT || escapedLength(body) <= LIMIT;
    }

    private static long escapedLength(byte[] body) {
        long length = body.length;
        for (byte b : body) {
            if (b == '"' || b == '\\') {
                length += 1;
            } else if (b >= 0 && b < 0x20) {
                length += 5;
            }
        }
        return length;
    }

    /** Bytes in memory up to a limit, past which writing stops with {@link TooLarge}. */
    private static final class Capped extends ByteArrayOutputStream {

        private final int limit;

        Capped(int limit) {
            super(64 * 1024);
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            ensureRoom(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            ensureRoom(length);
            super.write(bytes, offset, length);
        }

        private void ensureRoom(int more) {
            if ((long) count + more > limit) {
                throw new TooLarge();
            }
        }
    }
}
