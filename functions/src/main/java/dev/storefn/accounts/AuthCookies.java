package dev.storefn.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;

/**
 * Optional cookie mode ({@code AUTH_COOKIES=true}): sign-in also sets the tokens as HttpOnly, Secure,
 * SameSite cookies plus a readable {@code csrftoken} cookie, whose value unsafe cookie-authenticated
 * requests must echo in {@code X-CSRFToken}. The JSON bodies stay as they are.
 */
@Component
class AuthCookies {

    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    static final String CSRF = "csrftoken";
    static final String CSRF_HEADER = "x-csrftoken";

    private final boolean enabled;
    private final String sameSite;
    private final Tokens tokens;

    AuthCookies(@Value("${AUTH_COOKIES:false}") boolean enabled, @Value("${AUTH_COOKIE_SAMESITE:Lax}") String sameSite,
            Tokens tokens) {
        this.enabled = enabled;
        this.sameSite = sameSite;
        this.tokens = tokens;
    }

    boolean enabled() {
        return enabled;
    }

    ApiResponse signIn(ApiResponse response, String access, String refresh, String sessionId) {
        if (!enabled) {
            return response;
        }
        return response
                .withCookie(cookie(ACCESS, access, "/", Tokens.ACCESS_LIFETIME.toSeconds(), true))
                .withCookie(cookie(REFRESH, refresh, "/api/", Tokens.REFRESH_LIFETIME.toSeconds(), true))
                .withCookie(cookie(CSRF, tokens.csrfToken(sessionId), "/", Tokens.REFRESH_LIFETIME.toSeconds(), false));
    }

    ApiResponse refreshed(ApiResponse response, String access) {
        return enabled ? response.withCookie(cookie(ACCESS, access, "/", Tokens.ACCESS_LIFETIME.toSeconds(), true)) : response;
    }

    ApiResponse signOut(ApiResponse response) {
        if (!enabled) {
            return response;
        }
        return response
                .withCookie(cookie(ACCESS, "", "/", 0, true))
                .withCookie(cookie(REFRESH, "", "/api/", 0, true))
                .withCookie(cookie(CSRF, "", "/", 0, false));
    }

    private String cookie(String name, String value, String path, long maxAge, boolean httpOnly) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + (httpOnly ? "; HttpOnly" : "")
                + "; Secure; SameSite=" + sameSite;
    }

    String read(ApiRequest request, String name) {
        return enabled ? cookies(request).get(name) : null;
    }

    static Map<String, String> cookies(ApiRequest request) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
        }
        return cookies;
    }
}
