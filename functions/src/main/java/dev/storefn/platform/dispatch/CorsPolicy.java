package dev.storefn.platform.dispatch;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.platform.database.DatabaseUrl;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/** Cross-origin rules for the storefront's origins, applied to every answer so web and Lambda agree. */
@Component
class CorsPolicy {

    static final String ALLOWED_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT";
    static final String ALLOWED_HEADERS = "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with, idempotency-key";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** The storefront's development server: trusted by default only where the database is this machine's too. */
    static final String DEVELOPMENT_ORIGINS = "http://localhost:5173,http://127.0.0.1:5173";
    private static final Logger log = LoggerFactory.getLogger(CorsPolicy.class);

    private final Set<String> origins = new LinkedHashSet<>();

    CorsPolicy(@Value("${CORS_ALLOWED_ORIGINS:#{null}}") String configured, @Value("${DATABASE_URL:}") String databaseUrl) {
        String allowedOrigins = configured;
        if (allowedOrigins == null) {
            // A deployment trusts no other site's pages until it names them; a developer's machine trusts the dev server.
            allowedOrigins = DatabaseUrl.isOnThisMachine(databaseUrl) ? DEVELOPMENT_ORIGINS : "";
            if (allowedOrigins.isEmpty()) {
                log.warn("CORS_ALLOWED_ORIGINS is not set: no other site's pages may call this API. Set it to the storefront's"
                        + " origin (e.g. https://shop.example.com) unless the storefront is served from this same origin.");
            }
        }
        for (String origin : allowedOrigins.split(",")) {
            if (!origin.isBlank()) {
                origins.add(stripTrailingSlash(origin.trim()));
            }
        }
    }

    static boolean isPreflight(WireRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    WireResponse apply(WireRequest request, WireResponse response) {
        String origin = request.header("origin");
        if (origin == null) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        // Whatever the verdict, the answer depends on Origin: caches must not hand one origin's answer to another.
        headers.put("Vary", List.of("Origin"));
        if (origins.contains(origin)) {
            headers.put("Access-Control-Allow-Origin", List.of(origin));
            headers.put("Access-Control-Allow-Credentials", List.of("true"));
            if (isPreflight(request)) {
                headers.put("Access-Control-Allow-Methods", List.of(ALLOWED_METHODS));
                headers.put("Access-Control-Allow-Headers", List.of(ALLOWED_HEADERS));
                headers.put("Access-Control-Max-Age", List.of("86400"));
            }
        }
        return response.withHeaders(headers);
    }

    /**
     * A write a browser sent from a page of another site: unsafe method, and an {@code Origin} that is neither
     * an allowed storefront nor the API's own host. Requests without {@code Origin} are not browsers' writes.
     */
    boolean isCrossSiteWrite(WireRequest request) {
        String origin = request.header("origin");
        if (origin == null || SAFE_METHODS.contains(request.method()) || origins.contains(origin)) {
            return false;
        }
        String host = request.header("host");
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private static String stripTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
