package dev.storefn.accounts;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/google/}: signs in (or signs up) with a verified Google ID token. An existing account
 * with the same email is the same person: Google has verified they own the address.
 */
@Component("googleSignIn")
class GoogleSignIn implements Function<ApiRequest, ApiResponse> {

    private static final Logger log = LoggerFactory.getLogger(GoogleSignIn.class);

    private final RequestBody body;
    private final GoogleIdTokens google;
    private final UserRepository users;
    private final SessionStart sessions;

    GoogleSignIn(RequestBody body, GoogleIdTokens google, UserRepository users, SessionStart sessions) {
        this.body = body;
        this.google = google;
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        if (!google.configured()) {
            throw ApiException.detail(503, "Google sign-in is not configured");
        }
        JsonNode token = body.object(request).get("id_token");
        if (token == null || !token.isString() || token.asString().isBlank()) {
            throw ApiException.detail(400, "Missing id_token");
        }
        GoogleIdTokens.Identity identity;
        try {
            identity = google.verify(token.asString());
        } catch (GoogleIdTokens.Invalid e) {
            log.info("request_id={} Google ID token refused: {}", request.requestId(), e.getMessage());
            throw ApiException.detail(400, "Invalid Google token");
        } catch (GoogleIdTokens.Unavailable e) {
            log.warn("request_id={} Google's signing keys are unavailable: {}", request.requestId(), e.getCause().toString());
            throw ApiException.detail(503, "Google sign-in is temporarily unavailable. Please try again.");
        }
        if (!identity.emailVerified()) {
            throw ApiException.detail(400, "Google account email is not verified");
        }
        if (!Emails.valid(identity.email())) {
            throw ApiException.detail(400, "Invalid Google token");
        }
        boolean created = false;
        User user = users.findByEmail(identity.email()).orElse(null);
        if (user == null) {
            try {
                user = users.insert(Emails.normalise(identity.email()), "", truncate(identity.givenName(), 30),
                        truncate(identity.familyName(), 30), truncate(identity.picture(), 500), false);
                created = true;
            } catch (DuplicateKeyException raced) {
                user = users.findByEmail(identity.email()).orElseThrow(() -> raced);
            }
        } else if (identity.picture() != null && !identity.picture().isEmpty() && identity.picture().length() <= 500
                && !identity.picture().equals(user.picture())) {
            users.updatePicture(user.id(), identity.picture());
            user = users.findById(user.id()).orElseThrow();
        }
        if (user.blocked()) {
            throw ApiException.detail(403, TokenAuthenticator.BLOCKED);
        }
        return sessions.start(200, user, created);
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
