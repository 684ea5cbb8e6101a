package dev.storefn.platform;

/**
 * Turns a request's credentials into a caller. Invalid credentials make an anonymous caller; only
 * credentials that must be refused outright (a blocked account, a malformed header) throw.
 */
public interface Authenticator {

    Caller authenticate(ApiRequest request);
}
