package dev.storefn.accounts;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Field;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Refusal;

/**
 * {@code POST /api/google/}: signs in (or signs up) with a verified Google ID token. An existing account
 * with the same email is the same person: Google has verified they own the address. The token is verified
 * first (which may fetch Google's keys), then the account is written in a transaction of its own.
 */
@Component
public class GoogleSignIn implements Function<GoogleSignIn.Input, SessionStart.GoogleSignedIn> {

    private static final Logger log = LoggerFactory.getLogger(GoogleSignIn.class);

    record Input(@Field(required = false, blank = true) String idToken) {
    }

    private final GoogleIdTokens google;
    private final UserRepository users;
    private final SessionStart sessions;
    private final Transactions transactions;

    GoogleSignIn(GoogleIdTokens google, UserRepository users, SessionStart sessions, Transactions transactions) {
        this.google = google;
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    @Override
    public SessionStart.GoogleSignedIn apply(Input input) {
        if (!google.configured()) {
            throw Refusal.detail(Refusal.Kind.UNAVAILABLE, "Google sign-in is not configured");
        }
        if (input.idToken() == null || input.idToken().isBlank()) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Missing id_token");
        }
        GoogleIdTokens.Identity identity;
        try {
            identity = google.verify(input.idToken());
        } catch (GoogleIdTokens.Invalid e) {
            log.info("Google ID token refused: {}", e.getMessage());
            throw Refusal.detail(Refusal.Kind.INVALID, "Invalid Google token");
        } catch (GoogleIdTokens.Unavailable e) {
            log.warn("Google's signing keys are unavailable: {}", e.getCause().toString());
            throw Refusal.detail(Refusal.Kind.UNAVAILABLE, "Google sign-in is temporarily unavailable. Please try again.")
                    .retryAfter(5);
        }
        if (!identity.emailVerified()) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Google account email is not verified");
        }
        if (!Emails.valid(identity.email())) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Invalid Google token");
        }
        // Google was asked (for its keys) before this transaction: nobody waits on Google while rows are locked.
        return transactions.inOne(() -> signIn(identity));
    }

    private SessionStart.GoogleSignedIn signIn(GoogleIdTokens.Identity identity) {
        boolean created = false;
        User user = users.findByEmail(identity.email()).orElse(null);
        if (user == null) {
            user = users.insertIfAbsent(Emails.normalise(identity.email()), "", truncate(identity.givenName(), 30),
                    truncate(identity.familyName(), 30), truncate(identity.picture(), 500)).orElse(null);
            created = user != null;
            if (user == null) {
                // Another request signed this address up a moment ago.
                user = users.findByEmail(identity.email()).orElseThrow();
            }
        } else if (identity.picture() != null && !identity.picture().isEmpty() && identity.picture().length() <= 500
                && !identity.picture().equals(user.picture())) {
            users.updatePicture(user.id(), identity.picture());
            user = users.findById(user.id()).orElseThrow();
        }
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, TokenAuthenticator.BLOCKED);
        }
        return sessions.startFromGoogle(user, created);
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
