package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Names;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code POST /api/google/}: signs in (or signs up) with a verified Google ID token. An existing account
 * with the same email is the same person: Google has verified they own the address. The token is verified
 * first (which may fetch Google's keys), then the account is written in a transaction of its own.
 */
@Component
// Google's keys are fetched outside any transaction; the account is written in one of its own.
@Transaction(OWN)
class GoogleSignIn implements Function<GoogleSignIn.Input, SessionStart.GoogleSignedIn> {

    private static final Logger log = LoggerFactory.getLogger(GoogleSignIn.class);

    @Doc("The ID token's signature, issuer, audience (GOOGLE_CLIENT_ID) and expiry are checked, and its email must be"
            + " verified; an account with that email is the same person. Without GOOGLE_CLIENT_ID: 503.")
    record Input(
            @Doc(value = "The credential (a JWT) Google Identity Services gave the storefront; missing: 400 `Missing id_token`",
                    example = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJhY2NvdW50cy5nb29nbGUuY29tIn0.c2lnbmF0dXJl")
            @Field(required = false, blank = true) String idToken,
            ClientNetwork network) {
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
        Email email = Email.of(identity.email()).orElseThrow(() -> Refusal.detail(Refusal.Kind.INVALID, "Invalid Google token"));
        // Google was asked (for its keys) before this transaction: nobody waits on Google while rows are locked.
        return transactions.inOne(() -> signIn(identity, email, input.network()));
    }

    private SessionStart.GoogleSignedIn signIn(GoogleIdTokens.Identity identity, Email email, ClientNetwork network) {
        boolean created = false;
        User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            user = users.insertIfAbsent(email.stored(), "", name(identity.givenName()), name(identity.familyName()),
                    truncate(identity.picture(), 500)).orElse(null);
            created = user != null;
            if (user == null) {
                // Another request signed this address up a moment ago.
                user = users.findByEmail(email).orElseThrow();
            }
        } else if (identity.picture() != null && !identity.picture().isEmpty() && identity.picture().length() <= 500
                && !identity.picture().equals(user.picture())) {
            users.updatePicture(user.id(), identity.picture());
            user = users.findById(user.id()).orElseThrow();
        }
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, SessionGate.BLOCKED);
        }
        return sessions.startFromGoogle(user, created, network);
    }

    /** Google's name for the person, as a name field here may hold it. */
    private static String name(String given) {
        return truncate(Names.withoutHiddenCharacters(given), 30);
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
