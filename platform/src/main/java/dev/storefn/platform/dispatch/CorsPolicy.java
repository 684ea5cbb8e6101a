package dev.storefn.platform.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.TrustedOrigins;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/** Cross-origin rules for the storefront's origins, applied to every answer so web and Lambda agree. */
@Component
class CorsPolicy {

    static final String ALLOWED_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT";
    static final String ALLOWED_HEADERS = "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with, idempotency-key";

    private final TrustedOrigins origins;

    CorsPolicy(TrustedOrigins origins) {
        this.origins = origins;
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
        if (origins.trusts(origin)) {
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
}
