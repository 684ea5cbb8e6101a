package dev.storefn.runner.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} in Prometheus's text format, for a scraper on the box only: asked from a loopback
 * address and not through a proxy (nginx always adds {@code X-Forwarded-For}, and refuses the path itself).
 * Anything else is answered as the unknown path it is for the public.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class MetricsEndpoint extends OncePerRequestFilter {

    static final String PATH = "/metrics";
    private static final byte[] NOT_FOUND = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || !fromThisBox(request)) {
            response.setStatus(404);
            response.setContentType("application/json");
            response.getOutputStream().write(NOT_FOUND);
            return;
        }
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean fromThisBox(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        String peer = request.getRemoteAddr();
        return peer.startsWith("127.") || peer.startsWith("::ffff:127.") || "::1".equals(peer) || "0:0:0:0:0:0:0:1".equals(peer);
    }
}
