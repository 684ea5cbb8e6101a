package dev.storefn.accounts;

import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/logout/}: always 200, as the storefront expects. Ends the session of the presented
 * access token (from the header or cookie, even if it has expired) and of a refresh token in the body.
 */
@Component("logout")
class Logout implements Function<ApiRequest, ApiResponse> {

    private final RequestBody body;
    private final Tokens tokens;
    private final Sessions sessions;
    private final AuthCookies cookies;

    Logout(RequestBody body, Tokens tokens, Sessions sessions, AuthCookies cookies) {
        this.body = body;
        this.tokens = tokens;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        String header = request.header("authorization");
        String access = header != null && header.startsWith("Bearer ") ? header.substring(7).strip()
                : cookies.read(request, AuthCookies.ACCESS);
        tokens.verifyIgnoringExpiry(access, Tokens.Type.ACCESS)
                .ifPresent(claims -> sessions.revoke(claims.sessionId(), claims.userId()));
        String refresh = refreshToken(request);
        tokens.verifyIgnoringExpiry(refresh, Tokens.Type.REFRESH)
                .ifPresent(claims -> sessions.revoke(claims.sessionId(), claims.userId()));
        return cookies.signOut(ApiResponse.ok(Map.of("message", "Logged out successfully")));
    }

    private String refreshToken(ApiRequest request) {
        if (request.body().length > 0) {
            try {
                JsonNode sent = body.object(request).get("refresh");
                if (sent != null && sent.isString()) {
                    return sent.asString();
                }
            } catch (ApiException notAnObject) {
                // Logging out never fails; a body it cannot read just names no refresh token.
            }
        }
        return cookies.read(request, AuthCookies.REFRESH);
    }
}
