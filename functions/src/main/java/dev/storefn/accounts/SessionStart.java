package dev.storefn.accounts;

import org.springframework.stereotype.Component;

/** Starts a session for a user who has just proven who they are: a token pair, sharing one session id. */
@Component
class SessionStart {

    /** What a sign-in answers; in cookie mode its tokens are also set as cookies. */
    interface Session {
        String access();

        String refresh();
    }

    record SignedIn(UserView user, String access, String refresh) implements Session {
    }

    record GoogleSignedIn(UserView user, boolean created, String access, String refresh) implements Session {
    }

    private final Tokens tokens;

    SessionStart(Tokens tokens) {
        this.tokens = tokens;
    }

    SignedIn start(User user) {
        String session = Tokens.newSessionId();
        return new SignedIn(user.view(), tokens.issue(Tokens.Type.ACCESS, user.id(), session),
                tokens.issue(Tokens.Type.REFRESH, user.id(), session));
    }

    GoogleSignedIn startFromGoogle(User user, boolean created) {
        SignedIn signedIn = start(user);
        return new GoogleSignedIn(signedIn.user(), created, signedIn.access(), signedIn.refresh());
    }
}
