package dev.storefn.accounts;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.ClientNetwork;

/**
 * Starts a session for a user who has just proven who they are: a token pair, sharing one session id. The
 * network they proved it from is remembered as one of theirs ({@link SignInNetworks}).
 */
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
    private final SignInNetworks networks;

    SessionStart(Tokens tokens, SignInNetworks networks) {
        this.tokens = tokens;
        this.networks = networks;
    }

    SignedIn start(User user, ClientNetwork network) {
        networks.remember(user.id(), network);
        String session = Tokens.newSessionId();
        return new SignedIn(user.view(), tokens.issue(Tokens.Type.ACCESS, user.id(), session),
                tokens.issue(Tokens.Type.REFRESH, user.id(), session));
    }

    GoogleSignedIn startFromGoogle(User user, boolean created, ClientNetwork network) {
        SignedIn signedIn = start(user, network);
        return new GoogleSignedIn(signedIn.user(), created, signedIn.access(), signedIn.refresh());
    }
}
