package dev.storefn.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.Authenticator;
import dev.storefn.platform.Caller;

/**
 * Authenticates every request the way the original's JWT class did: a token that does not verify makes
 * the caller anonymous (protected routes then answer 401), while a malformed header, a vanished or
 * blocked account are refused outright, on every route. Revoked sessions count as not verifying.
 */
@Component
class TokenAuthenticator implements Authenticator {

    static final String BLOCKED = "Your account has been blocked. Please contact support.";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Tokens tokens;
    private final UserRepository users;
    private final AuthCookies cookies;

    TokenAuthenticator(Tokens tokens, UserRepository users, AuthCookies cookies) {
        this.tokens = tokens;
        this.users = users;
        this.cookies = cookies;
    }

    @Override
    public Caller authenticate(ApiRequest request) {
        String header = request.header("authorization");
        String token = null;
        boolean fromCookie = false;
        if (header != null) {
            String[] parts = header.strip().split("\\s+");
            if (parts.length > 0 && "Bearer".equals(parts[0])) {
                if (parts.length != 2) {
                    throw ApiException.detail(401, "Authorization header must contain two space-delimited values",
                            "bad_authorization_header");
                }
                token = parts[1];
            }
        } else {
            token = cookies.read(request, AuthCookies.ACCESS);
            fromCookie = token != null;
        }
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        Optional<Tokens.Claims> claims = tokens.verify(token, Tokens.Type.ACCESS);
        if (claims.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        UserRepository.AccessState state = users.accessState(claims.get().userId(), claims.get().sessionId())
                .orElseThrow(() -> ApiException.detail(401, "User not found", "user_not_found"));
        if (state.sessionRevoked()) {
            return Caller.ANONYMOUS;
        }
        User user = state.user();
        if (!user.active()) {
            throw ApiException.detail(401, "User is inactive", "user_inactive");
        }
        if (user.blocked()) {
            throw ApiException.detail(401, BLOCKED);
        }
        if (fromCookie && !SAFE_METHODS.contains(request.method())) {
            checkCsrf(request, claims.get().sessionId());
        }
        return new Caller(user.id(), user.email(), user.staff(), claims.get().sessionId());
    }

    private void checkCsrf(ApiRequest request, String sessionId) {
        String sent = request.header(AuthCookies.CSRF_HEADER);
        String cookie = AuthCookies.cookies(request).get(AuthCookies.CSRF);
        String expected = tokens.csrfToken(sessionId);
        if (sent == null || cookie == null || !constantTimeEquals(sent, expected) || !constantTimeEquals(cookie, expected)) {
            throw ApiException.detail(403, "CSRF Failed: CSRF token missing or incorrect.");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
