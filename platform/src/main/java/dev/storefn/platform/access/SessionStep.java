package dev.storefn.platform.access;

import java.util.List;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.SessionOutput;

/**
 * The accounts feature's step of a request's path, all of authentication in one place: who calls (a bearer
 * token, or in cookie mode the session's cookies), cookie mode's CSRF checks, the tokens presented to the
 * operations that read them, and the cookies an answer that starts, renews or ends a session sets. The
 * platform asks only this; without an accounts feature every caller is anonymous.
 */
public interface SessionStep {

    /** Whether sessions travel in cookies ({@code AUTH_COOKIES=true}): browsers then send them with every request. */
    boolean cookieMode();

    /**
     * In cookie mode, refuses a write a browser sent from another site's page (Django's origin check): called for
     * every request to a route with an unsafe method, before anything else of the route runs.
     */
    void checkOrigin(Credentials credentials);

    /**
     * The caller the credentials prove; anonymous when they prove nobody. Refuses what must be refused on every
     * route: a malformed header, a vanished or blocked account, a cookie-authenticated write without its CSRF token.
     */
    Caller authenticate(Credentials credentials, boolean safeMethod);

    /** The token of this kind presented outside the body (the bearer header, a cookie), or null. */
    String presented(Credentials credentials, Credential.Kind kind);

    /** The {@code Set-Cookie} values of an answer that started a session; none outside cookie mode. */
    List<String> cookies(SessionOutput.Started started);

    List<String> cookies(SessionOutput.Renewed renewed);

    List<String> cookies(SessionOutput.Ended ended);
}
