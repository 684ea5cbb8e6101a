package dev.storefn.platform.dispatch;

import java.util.Map;

import dev.storefn.platform.access.Credentials;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.wire.WireRequest;

/** One request on its way to its answer: what routing found, and what the steps learn on the way (the caller). */
final class Exchange {

    final WireRequest request;
    final String client;
    /** The route's key for the access line and the observers, once routing found one. */
    String route = RequestObserver.NO_ROUTE;
    Map<String, String> pathParameters = Map.of();
    Caller caller = Caller.ANONYMOUS;
    private Credentials credentials;

    Exchange(WireRequest request, String client) {
        this.request = request;
        this.client = client;
    }

    Credentials credentials() {
        if (credentials == null) {
            credentials = Credentials.of(request);
        }
        return credentials;
    }

    /** Who asked, for the access line: staff reads of personal data are attributed. */
    String callerForLog() {
        return caller.authenticated() ? (caller.staff() ? "staff:" : "user:") + caller.userId() : "anonymous";
    }
}
