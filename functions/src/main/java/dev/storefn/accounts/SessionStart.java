package dev.storefn.accounts;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.SessionOutput;

/**
 * Starts a session for a user who has just proven who they are: a token pair, sharing one session id. The
 * network they proved it from is remembered as one of theirs ({@link SignInNetworks}).
 */
@Component
class SessionStart {

    /** What a sign-in answers; in cookie mode its tokens are also set as cookies. */
    interface Session extends SessionOutput.Started {
    }

    record SignedIn(@Doc("The signed-in user") UserView user,
            @Doc(value = "The access token: send it as `Authorization: Bearer <access>`; valid for an hour",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl") String access,
            @Doc(value = "The refresh token, for POST /api/refresh/; valid for 7 days or until logout",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl") String refresh)
            implements Session {
    }

    record GoogleSignedIn(@Doc("The signed-in user") UserView user,
            @Doc(value = "Whether this sign-in created the account", example = "false") boolean created,
            @Doc(value = "The access token: send it as `Authorization: Bearer <access>`; valid for an hour",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl") String access,
            @Doc(value = "The refresh token, for POST /api/refresh/; valid for 7 days or until logout",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl") String refresh)
            implements Session {
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
