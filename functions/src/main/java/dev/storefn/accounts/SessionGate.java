package dev.storefn.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.Credentials;
import dev.storefn.platform.access.SessionStep;
import dev.storefn.platform.access.TrustedOrigins;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.SessionOutput;

/**
 * The accounts feature's step of every request. It authenticates the way the original's JWT class did: a token
 * that does not verify makes the caller anonymous (protected routes then answer 401), while a malformed header,
 * a vanished or blocked account are refused outright, on every route; revoked sessions count as not verifying.
 * In cookie mode ({@link AuthCookies}) it also refuses other sites' writes and cookie-authenticated writes
 * without their CSRF token, and gives the cookies of sign-in, refresh and logout.
 */
@Component
class SessionGate implements SessionStep {

    static final String BLOCKED = "Your account has been blocked. Please contact support.";

    private final Tokens tokens;
    private final UserRepository users;
    private final AuthCookies cookies;
    private final TrustedOrigins origins;

    SessionGate(Tokens tokens, UserRepository users, AuthCookies cookies, TrustedOrigins origins) {
        this.tokens = tokens;
        this.users = users;
        this.cookies = cookies;
        this.origins = origins;
    }

    @Override
    public boolean cookieMode() {
        return cookies.enabled();
    }

    @Override
    public void checkOrigin(Credentials credentials) {
        // With cookies a browser sends the session along whatever page asks; a write from another site's page
        // (signing the victim in to the attacker's account, say) is refused as Django's origin check would.
        if (cookies.enabled() && origins.isCrossSite(credentials)) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, "CSRF Failed: Origin checking failed - " + credentials.origin()
                    + " does not match any trusted origins.");
        }
    }

    @Override
    public String presented(Credentials credentials, Credential.Kind kind) {
        return cookies.presented(credentials, kind);
    }

    @Override
    public List<String> cookies(SessionOutput.Started started) {
        return cookies.started(started);
    }

    @Override
    public List<String> cookies(SessionOutput.Renewed renewed) {
        return cookies.renewed(renewed);
    }

    @Override
    public List<String> cookies(SessionOutput.Ended ended) {
        return cookies.ended();
    }

    @Override
    public Caller authenticate(Credentials credentials, boolean safeMethod) {
        String token = null;
        boolean fromCookie = false;
        Credentials.Bearer bearer = credentials.bearer();
        if (bearer instanceof Credentials.MalformedBearer) {
            throw notAuthenticated("Authorization header must contain two space-delimited values", "bad_authorization_header");
        }
        if (bearer instanceof Credentials.BearerToken presented) {
            token = presented.token();
        } else if (credentials.authorization() == null) {
            token = cookies.accessCookie(credentials);
            fromCookie = token != null;
        }
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        Optional<Tokens.Claims> claims = tokens.verify(token, Tokens.Type.ACCESS);
        if (claims.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        Tokens.Claims valid = claims.get();
        UserRepository.AccessState state = users.accessState(valid.userId(), valid.sessionId(), valid.issuedAt())
                .orElseThrow(() -> notAuthenticated("User not found", "user_not_found"));
        if (state.sessionRevoked()) {
            return Caller.ANONYMOUS;
        }
        User user = state.user();
        if (!user.active()) {
            throw notAuthenticated("User is inactive", "user_inactive");
        }
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, BLOCKED);
        }
        if (fromCookie && !safeMethod) {
            cookies.checkCsrf(credentials, claims.get().sessionId());
        }
        return new Caller(user.id(), user.email(), user.staff(), claims.get().sessionId());
    }

    static Refusal notAuthenticated(String detail, String code) {
        return Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, detail).with("code", code);
    }
}
