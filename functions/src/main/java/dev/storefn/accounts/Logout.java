package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.LenientBody;
import dev.storefn.platform.operation.SessionOutput;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code POST /api/logout/}: always succeeds, as the storefront expects. Ends the session of the presented
 * access token (even if it has expired) and of a presented refresh token.
 */
@Component
@Transaction(ONE)
class Logout implements Function<Logout.Input, Logout.LoggedOut> {

    /** Logging out never fails: a body it cannot read just names no refresh token. */
    @LenientBody
    @Doc("Always 200. The session of the access token in `Authorization` (even an expired one) ends, and so does the"
            + " refresh token's: neither works again. A body that is not JSON is read as none.")
    record Input(@Credential(Credential.Kind.ACCESS) String access,
            @Doc(value = "Optional: the refresh token to end as well (in cookie mode, its cookie)",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl")
            @Credential(Credential.Kind.REFRESH) String refresh) {
    }

    record LoggedOut(@Doc(value = "Always `Logged out successfully`", example = "Logged out successfully",
            allowed = "Logged out successfully") String message)
            implements SessionOutput.Ended {
    }

    private final Tokens tokens;
    private final Sessions sessions;

    Logout(Tokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public LoggedOut apply(Input input) {
        tokens.verifyIgnoringExpiry(input.access(), Tokens.Type.ACCESS)
                .ifPresent(claims -> sessions.revoke(claims.sessionId(), claims.userId()));
        tokens.verifyIgnoringExpiry(input.refresh(), Tokens.Type.REFRESH)
                .ifPresent(claims -> sessions.revoke(claims.sessionId(), claims.userId()));
        return new LoggedOut("Logged out successfully");
    }
}
