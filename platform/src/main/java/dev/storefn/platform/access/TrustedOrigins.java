package dev.storefn.platform.access;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.storefn.platform.database.DatabaseUrl;

/**
 * The storefront's origins ({@code CORS_ALLOWED_ORIGINS}): the pages whose calls CORS lets a browser read, and
 * whose writes cookie mode accepts besides the API's own host's.
 */
@Component
public class TrustedOrigins {

    /** The storefront's development server: trusted by default only where the database is this machine's too. */
    static final String DEVELOPMENT_ORIGINS = "http://localhost:5173,http://127.0.0.1:5173";

    private static final Logger log = LoggerFactory.getLogger(TrustedOrigins.class);

    private final Set<String> origins = new LinkedHashSet<>();

    TrustedOrigins(@Value("${CORS_ALLOWED_ORIGINS:#{null}}") String configured, @Value("${DATABASE_URL:}") String databaseUrl) {
        String allowedOrigins = configured;
        if (allowedOrigins == null) {
            // A deployment trusts no other site's pages until it names them; a developer's machine trusts the dev server.
            allowedOrigins = DatabaseUrl.isOnThisMachine(databaseUrl) ? DEVELOPMENT_ORIGINS : "";
            if (allowedOrigins.isEmpty()) {
                log.warn("CORS_ALLOWED_ORIGINS is not set: no other site's pages may call this API. Set it to the storefront's"
                        + " origin (e.g. https://shop.example.com) unless the storefront is served from this same origin.");
            }
        }
        for (String origin : StringUtils.tokenizeToStringArray(allowedOrigins, ",")) {
            origins.add(StringUtils.trimTrailingCharacter(origin, '/'));
        }
    }

    public boolean trusts(String origin) {
        return origins.contains(origin);
    }

    /**
     * Whether a browser sent the request from a page of another site: an {@code Origin} that is neither a trusted
     * storefront nor the API's own host. Requests without {@code Origin} are not browsers' writes.
     */
    public boolean isCrossSite(Credentials credentials) {
        String origin = credentials.origin();
        if (origin == null || trusts(origin)) {
            return false;
        }
        String host = credentials.host();
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }
}
