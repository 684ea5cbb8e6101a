package dev.storefn.runner.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.storefn.platform.Turns;
import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web adapter: every request except local media (and {@code /metrics}, see {@link MetricsEndpoint}) goes to the dispatcher and its answer is written out
 * as it is. It sits in front of Spring MVC, so nothing the framework would map on its own is reachable.
 */
@Component
@ConditionalOnWebApplication
// Right behind the metrics endpoint, which answers its one path on its own.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WebAdapter extends OncePerRequestFilter {

    static final String MEDIA_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    /**
     * Requests with a body above {@link #LARGE} bytes (an image upload of up to 10 MB) take their turn, one at a
     * time. Such a request holds its body about four times over while it is handled (the body, the multipart part,
     * the image's copy, its decoded pixels), and the unit's heap is 96 MB; six parallel 8 MB uploads ran it out (and
     * a 128 MB one) and {@code -XX:+ExitOnOutOfMemoryError} stopped the shop. At most four others wait their turn,
     * for up to 30 seconds, then are told to retry. Lambda needs no such turn: an instance handles one request at a time.
     */
    static final long LARGE = 1024 * 1024;
    static final Refusal BUSY = Refusal.detail(Refusal.Kind.UNAVAILABLE, "Too many large uploads at once; retry shortly.").retryAfter(5);

    private final Dispatcher dispatcher;
    final Turns largeBodies = new Turns(1, Duration.ofSeconds(30), 4);

    WebAdapter(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/media/") && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // An uploaded file is shown as an image and nothing more, as nginx serves it on the box.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", MEDIA_POLICY);
            chain.doFilter(request, response);
            return;
        }
        // Decided before a byte of the body is read: a route takes what its input needs and no more.
        int limit = dispatcher.bodyLimit(request.getMethod(), path);
        if (limit > 0 && request.getContentLengthLong() > limit) {
            refuse(request, response, path, BodyReader.TOO_LARGE);
            return;
        }
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (!isLarge(limit == 0 ? 0 : request.getContentLengthLong(), chunked && limit > LARGE)) {
            handle(request, response, path, limit);
            return;
        }
        if (!largeBodies.await()) {
            refuse(request, response, path, BUSY);
            return;
        }
        try {
            handle(request, response, path, limit);
        } finally {
            largeBodies.done();
        }
    }

    /** Whether a body of {@code contentLength} bytes (-1: not given) takes a turn; a chunked body of unknown size does. */
    static boolean isLarge(long contentLength, boolean chunked) {
        return contentLength > LARGE || (contentLength < 0 && chunked);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, String path, int limit) throws IOException {
        byte[] body = limit == 0 ? new byte[0] : readBody(request, limit);
        if (body == null) {
            refuse(request, response, path, BodyReader.TOO_LARGE);
            return;
        }
        write(response, dispatcher.dispatch(wire(request, path, body)));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, Refusal refusal) throws IOException {
        write(response, dispatcher.refuse(wire(request, path, new byte[0]), refusal));
    }

    private static WireRequest wire(HttpServletRequest request, String path, byte[] body) {
        return new WireRequest(request.getMethod(), path, QueryStrings.parse(request.getQueryString()), headers(request), body,
                request.getRemoteAddr());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return headers;
    }

    /**
     * The body, or null when it is larger than the route's limit. With a Content-Length (checked against the limit
     * already) it is read into an array of that size: {@code readNBytes(max)} would hold it twice while it joins
     * its chunks.
     */
    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException {
        long length = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (length >= 0) {
                byte[] body = new byte[(int) length];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private static void write(HttpServletResponse response, WireResponse wire) throws IOException {
        response.setStatus(wire.status());
        wire.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (wire.streamed() != null) {
            wire.streamed().writeTo(response.getOutputStream());
            return;
        }
        response.setContentLength(wire.body().length);
        response.getOutputStream().write(wire.body());
    }
}
