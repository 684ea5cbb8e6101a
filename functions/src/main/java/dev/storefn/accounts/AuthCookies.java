package dev.storefn.accounts;

import java.util.List;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.platform.access.Credentials;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.SessionOutput;

/**
 * Optional cookie mode ({@code AUTH_COOKIES=true}): sign-in also sets the tokens as HttpOnly, Secure,
 * SameSite cookies plus a readable {@code csrftoken} cookie, whose value unsafe cookie-authenticated
 * requests must echo in {@code X-CSRFToken}. The JSON bodies stay as they are.
 */
@Component
class AuthCookies {

    // The prefixes make browsers refuse these names from anywhere but this host over HTTPS (__Host-: no
    // Domain, Path=/), so a sibling subdomain cannot plant a cookie that would be read first.
    static final String ACCESS = "__Host-access";
    static final String REFRESH = "__Secure-refresh";
    static final String CSRF = "__Host-csrftoken";

    private final boolean enabled;
    private final String sameSite;
    private final Tokens tokens;

    AuthCookies(@Value("${AUTH_COOKIES:false}") boolean enabled, @Value("${AUTH_COOKIE_SAMESITE:Lax}") String sameSite,
            Tokens tokens) {
        if (!java.util.Set.of("Strict", "Lax", "None").contains(sameSite)) {
            throw new IllegalStateException("AUTH_COOKIE_SAMESITE is Strict, Lax or None, not " + sameSite);
        }
        this.enabled = enabled;
        this.sameSite = sameSite;
        this.tokens = tokens;
    }

    boolean enabled() {
        return enabled;
    }

    String presented(Credentials credentials, Credential.Kind kind) {
        if (!enabled) {
            return null;
        }
        // Tokens are presented this way only to writes that read them themselves (refresh, logout): a cookie must
        // pass the CSRF check as any cookie-authenticated write does, or a same-site page could mint access tokens.
        Tokens.Type type = kind == Credential.Kind.ACCESS ? Tokens.Type.ACCESS : Tokens.Type.REFRESH;
        String token = credentials.cookies().get(kind == Credential.Kind.ACCESS ? ACCESS : REFRESH);
        if (token != null) {
            tokens.verifyIgnoringExpiry(token, type).ifPresent(claims -> checkCsrf(credentials, claims.sessionId()));
        }
        return token;
    }

    /** An unsafe request authenticated by cookie must echo the session's CSRF token in X-CSRFToken and its cookie. */
    void checkCsrf(Credentials credentials, String sessionId) {
        String sent = credentials.csrfHeader();
        String cookie = credentials.cookies().get(CSRF);
        String expected = tokens.csrfToken(sessionId);
        if (sent == null || cookie == null || !constantTimeEquals(sent, expected) || !constantTimeEquals(cookie, expected)) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, "CSRF Failed: CSRF token missing or incorrect.");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookies of a new session: its tokens, and its CSRF token for the page to echo. */
    List<String> started(SessionOutput.Started session) {
        String sessionId = tokens.verify(session.access(), Tokens.Type.ACCESS).map(Tokens.Claims::sessionId).orElseThrow();
        return List.of(
                cookie(ACCESS, session.access(), "/", Tokens.ACCESS_LIFETIME.toSeconds(), true),
                cookie(REFRESH, session.refresh(), "/api/", Tokens.REFRESH_LIFETIME.toSeconds(), true),
                cookie(CSRF, tokens.csrfToken(sessionId), "/", Tokens.REFRESH_LIFETIME.toSeconds(), false));
    }

    List<String> renewed(SessionOutput.Renewed renewed) {
        return List.of(cookie(ACCESS, renewed.access(), "/", Tokens.ACCESS_LIFETIME.toSeconds(), true));
    }

    List<String> ended() {
        return List.of(cookie(ACCESS, "", "/", 0, true), cookie(REFRESH, "", "/api/", 0, true), cookie(CSRF, "", "/", 0, false));
    }

    /** The access token of a cookie-authenticated request, which must then pass the CSRF check. */
    String accessCookie(Credentials credentials) {
        return enabled ? credentials.cookies().get(ACCESS) : null;
    }

    private String cookie(String name, String value, String path, long maxAge, boolean httpOnly) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + (httpOnly ? "; HttpOnly" : "")
                + "; Secure; SameSite=" + sameSite;
    }
}
