package dev.storefn.platform.access;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;

/**
 * Authenticates every request and applies a route's access rule: anonymous callers of protected routes
 * are refused as not authenticated, signed-in callers without the right as forbidden (DRF's 401/403 rule).
 */
@Component
public class AccessGuard {

    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS");

    // Looked up once: Spring's lookup of an optional bean on every request cost a sixth of a product read.
    private final SingletonSupplier<Authenticator> authenticator;

    public AccessGuard(ObjectProvider<Authenticator> authenticator) {
        this.authenticator = SingletonSupplier.of(authenticator::getIfAvailable);
    }

    public Caller authenticate(Credentials credentials, String method) {
        Authenticator available = authenticator.get();
        return available == null ? Caller.ANONYMOUS : available.authenticate(credentials, SAFE_METHODS.contains(method));
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
