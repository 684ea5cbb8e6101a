package dev.storefn.accounts;

import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.RequestBody;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/refresh/}: a new access token for the same session; the refresh token is not rotated. */
@Component("refreshToken")
class RefreshToken implements Function<ApiRequest, ApiResponse> {

    private final RequestBody body;
    private final Tokens tokens;
    private final Sessions sessions;
    private final UserRepository users;
    private final AuthCookies cookies;

    RefreshToken(RequestBody body, Tokens tokens, Sessions sessions, UserRepository users, AuthCookies cookies) {
        this.body = body;
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
        this.cookies = cookies;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        JsonNode sent = body.object(request).get("refresh");
        String refresh = sent != null && sent.isString() ? sent.asString() : cookies.read(request, AuthCookies.REFRESH);
        if (refresh == null || refresh.isEmpty()) {
            throw ApiException.detail(401, "No refresh token provided");
        }
        Tokens.Claims claims = tokens.verify(refresh, Tokens.Type.REFRESH)
                .filter(valid -> !sessions.isRevoked(valid.sessionId()))
                .orElseThrow(() -> ApiException.detail(401, "Refresh token invalid"));
        User user = users.findById(claims.userId()).orElseThrow(() -> ApiException.detail(401, "User not found"));
        if (!user.active()) {
            throw ApiException.detail(401, "Refresh token invalid");
        }
        if (user.blocked()) {
            throw ApiException.detail(403, "Your account has been blocked");
        }
        String access = tokens.issue(Tokens.Type.ACCESS, user.id(), claims.sessionId());
        return cookies.refreshed(ApiResponse.ok(Map.of("access", access)), access);
    }
}
