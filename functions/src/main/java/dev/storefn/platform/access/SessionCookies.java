package dev.storefn.platform.access;

import java.util.List;

import dev.storefn.platform.operation.Credential;

/**
 * Optional cookie mode of the accounts feature: tokens presented as cookies, and the cookies an operation's
 * answer sets or clears. Operations never see cookies; the platform asks this.
 */
public interface SessionCookies {

    /** Whether cookie mode is on ({@code AUTH_COOKIES=true}): browsers then send a session with every request. */
    boolean enabled();

    /** The token of this kind in a cookie, or null (cookie mode off, or no such cookie). */
    String presented(Credentials credentials, Credential.Kind kind);

    /** The {@code Set-Cookie} values an operation's output calls for; empty for most. */
    List<String> cookiesFor(Object output);
}
