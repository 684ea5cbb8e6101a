package dev.storefn.runner.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private final Dispatcher dispatcher;
    private final Turns largeBodies = LargeBodies.turns();

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
        if (!LargeBodies.isLarge(limit == 0 ? 0 : request.getContentLengthLong(), chunked && limit > LargeBodies.LARGE)) {
            handle(request, response, path, limit);
            return;
        }
        if (!largeBodies.await()) {
            refuse(request, response, path, LargeBodies.BUSY);
            return;
        }
        try {
            handle(request, response, path, limit);
        } finally {
            largeBodies.done();
        }
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
        response.setContentLength(wire.body().length);
        response.getOutputStream().write(wire.body());
    }
}
