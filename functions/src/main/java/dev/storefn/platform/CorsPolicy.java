package dev.storefn.platform;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Cross-origin rules for the storefront's origins, applied by the dispatcher so web and Lambda agree. */
@Component
public class CorsPolicy {

    static final String ALLOWED_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT";
    static final String ALLOWED_HEADERS = "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with, idempotency-key";

    private final Set<String> origins = new LinkedHashSet<>();

    public CorsPolicy(@Value("${CORS_ALLOWED_ORIGINS:http://localhost:5173,http://127.0.0.1:5173}") String allowedOrigins) {
        for (String origin : allowedOrigins.split(",")) {
            if (!origin.isBlank()) {
                origins.add(stripTrailingSlash(origin.trim()));
            }
        }
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    static boolean isPreflight(ApiRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    private static String stripTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
