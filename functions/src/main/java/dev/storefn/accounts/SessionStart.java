package dev.storefn.accounts;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiResponse;

/** Starts a session for a user who has just proven who they are: a token pair, and cookies in cookie mode. */
@Component
class SessionStart {

    record SignedIn(UserView user, String access, String refresh) {
    }

    record GoogleSignedIn(UserView user, boolean created, String access, String refresh) {
    }

    private final Tokens tokens;
    private final AuthCookies cookies;

    SessionStart(Tokens tokens, AuthCookies cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    ApiResponse start(int status, User user) {
        return start(status, user, null);
    }

    /** {@code created} is only reported by Google sign-in; null leaves it out. */
    ApiResponse start(int status, User user, Boolean created) {
        String session = Tokens.newSessionId();
        String access = tokens.issue(Tokens.Type.ACCESS, user.id(), session);
        String refresh = tokens.issue(Tokens.Type.REFRESH, user.id(), session);
        Object body = created == null ? new SignedIn(user.view(), access, refresh)
                : new GoogleSignedIn(user.view(), created, access, refresh);
        return cookies.signIn(ApiResponse.of(status, body), access, refresh, session);
    }
}
