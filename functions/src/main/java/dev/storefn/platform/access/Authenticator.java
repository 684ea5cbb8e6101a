package dev.storefn.platform.access;

import dev.storefn.platform.operation.Caller;

/**
 * Turns a request's credentials into a caller. Invalid credentials make an anonymous caller; only
 * credentials that must be refused outright (a blocked account, a malformed header, a failed CSRF check)
 * throw a refusal.
 */
public interface Authenticator {

    /** {@code safeMethod}: GET, HEAD or OPTIONS, which need no CSRF check. */
    Caller authenticate(Credentials credentials, boolean safeMethod);
}
