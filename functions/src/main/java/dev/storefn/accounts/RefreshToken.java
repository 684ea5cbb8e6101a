package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.SessionOutput;
import dev.storefn.platform.operation.Transaction;

/** {@code POST /api/refresh/}: a new access token for the same session; the refresh token is not rotated. */
@Component
@Transaction(ONE)
class RefreshToken implements Function<RefreshToken.Input, RefreshToken.Refreshed> {

    record Input(@Doc(value = "The refresh token of a sign-in (valid for 7 days); in cookie mode it may come as its cookie"
            + " instead. Missing: 401 `No refresh token provided`; invalid, expired or its session ended: 401 `Refresh token invalid`",
            example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl")
            @Credential(Credential.Kind.REFRESH) String refresh) {
    }

    record Refreshed(@Doc(value = "A new access token of the same session, valid for an hour",
            example = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl") String access)
            implements SessionOutput.Renewed {
    }

    private final Tokens tokens;
    private final Sessions sessions;
    private final UserRepository users;

    RefreshToken(Tokens tokens, Sessions sessions, UserRepository users) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    public Refreshed apply(Input input) {
        if (input.refresh() == null || input.refresh().isEmpty()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, "No refresh token provided");
        }
        Tokens.Claims claims = tokens.verify(input.refresh(), Tokens.Type.REFRESH)
                .filter(valid -> !sessions.isRevoked(valid))
                .orElseThrow(() -> Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, "Refresh token invalid"));
        User user = users.findById(claims.userId())
                .orElseThrow(() -> Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, "User not found"));
        if (!user.active()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, "Refresh token invalid");
        }
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, "Your account has been blocked");
        }
        return new Refreshed(tokens.issue(Tokens.Type.ACCESS, user.id(), claims.sessionId()));
    }
}
