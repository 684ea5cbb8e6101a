package dev.storefn.platform.access;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Refusal;

/**
 * Authentication through the accounts feature's {@link SessionStep}, and a route's access rule: anonymous
 * callers of protected routes are refused as not authenticated, signed-in callers without the right as
 * forbidden (DRF's 401/403 rule).
 */
@Component
public class AccessGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStep sessions;

    public AccessGuard(ObjectProvider<SessionStep> sessions) {
        this.sessions = sessions.getIfAvailable();
    }

    /** The accounts feature's step, or null in an application without one. */
    public SessionStep sessions() {
        return sessions;
    }

    public Caller authenticate(Credentials credentials, String method) {
        return sessions == null ? Caller.ANONYMOUS : sessions.authenticate(credentials, SAFE_METHODS.contains(method));
    }

    public String presented(Credentials credentials, Credential.Kind kind) {
        if (kind == Credential.Kind.ACCESS && credentials.bearerToken() != null) {
            return credentials.bearerToken();
        }
        return sessions == null ? null : sessions.presented(credentials, kind);
    }

    public static void check(Access access, Caller caller) {
        if (access == Access.ANONYMOUS || access == Access.ANYONE) {
            return;
        }
        if (!caller.authenticated()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, "Authentication credentials were not provided.");
        }
        if (access == Access.STAFF && !caller.staff()) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, "You do not have permission to perform this action.");
        }
    }
}
