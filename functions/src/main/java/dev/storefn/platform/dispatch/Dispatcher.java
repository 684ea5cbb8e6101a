package dev.storefn.platform.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.storefn.platform.access.Access;
import dev.storefn.platform.access.AccessGuard;
import dev.storefn.platform.access.Credentials;
import dev.storefn.platform.access.RateLimit;
import dev.storefn.platform.access.RateLimiter;
import dev.storefn.platform.access.RateLimits;
import dev.storefn.platform.access.SessionCookies;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.routes.Router;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Runs one request through the route table, each step handed to the part that owns it: request id and
 * client address, CORS, routing and redirects, the rate limit, authentication and the access rule, the
 * operation (binding, transaction, call), the success writer and the error answers. Every adapter (web,
 * Lambda, command line) calls this and only this.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * Headers every answer carries, whatever serves it (nginx adds them to its own answers; Lambda answers pass no
     * nginx): not to be sniffed as another type, framed, or followed by a full referrer.
     */
    private static final Map<String, List<String>> SECURITY_HEADERS = Map.of("X-Content-Type-Options", List.of("nosniff"),
            "X-Frame-Options", List.of("DENY"), "Referrer-Policy", List.of("strict-origin-when-cross-origin"));
    private static final List<String> NO_STORE = List.of("no-store");

    /** The MDC key of the request id as JSON log lines carry it ({@code LOG_FORMAT=json}). */
    private static final String REQUEST_ID = "request_id";

    /** The MDC key of the request id as text log lines show it, formatted once per request. */
    private static final String REQUEST = "request";

    /** What the access line and the observers learn while a request is answered. */
    private static final class Trace {
        String route = RequestObserver.NO_ROUTE;
        String caller = "anonymous";
    }

    private final Router router;
    private final ClientAddresses clientAddresses;
    private final CorsPolicy cors;
    private final RateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final AccessGuard guard;
    private final Operations operations;
    private final BodyReader bodies;
    private final SingletonSupplier<SessionCookies> sessionCookies;
    private final ErrorAnswers errors;
    private final List<RequestObserver> observers;

    Dispatcher(Router router, ClientAddresses clientAddresses, CorsPolicy cors, RateLimiter rateLimiter, RateLimits rateLimits,
            AccessGuard guard,
            Operations operations, BodyReader bodies, ObjectProvider<SessionCookies> sessionCookies, ErrorAnswers errors,
            List<RequestObserver> observers) {
        this.router = router;
        this.clientAddresses = clientAddresses;
        this.cors = cors;
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
        this.guard = guard;
        this.operations = operations;
        this.bodies = bodies;
        // Looked up once: Spring's lookup of an optional bean on every request is costly.
        this.sessionCookies = SingletonSupplier.of(sessionCookies::getIfAvailable);
        this.errors = errors;
        this.observers = List.copyOf(observers);
    }

    public WireResponse dispatch(WireRequest request) {
        return respond(request, (client, trace) -> answer(request, client, trace));
    }

    /**
     * How many bytes of body the request's route reads, for an adapter to decide before reading it: a larger
     * body is refused ({@link BodyReader#TOO_LARGE}), and a route (or a path) that reads none is given none.
     */
    public int bodyLimit(String method, String path) {
        return router.resolve(method, path) instanceof Router.Found found ? operations.bodyLimit(found.route()) : 0;
    }

    /**
     * The answer to a request an adapter refused before reading its body (too large, or no turn for a large
     * one): {@code request} has no body, and the answer gets the headers, the access line and the metrics that
     * every answer gets.
     */
    public WireResponse refuse(WireRequest request, Refusal refusal) {
        return respond(request, (client, trace) -> {
            throw refusal;
        });
    }

    private interface Answering {
        WireResponse answer(String client, Trace trace);
    }

    private WireResponse respond(WireRequest request, Answering answering) {
        long started = System.nanoTime();
        // Only the local proxy's id is taken (nginx's $request_id); a client's own could forge another request's lines.
        String requestId = RequestIds.of(clientAddresses.isTrustedPeer(request.peerAddress()) ? request.header("x-request-id") : null);
        String client = clientAddresses.resolve(request.peerAddress(), request.headers().get("x-forwarded-for"));
        MDC.put(REQUEST, "[request_id=" + requestId + "] ");
        MDC.put(REQUEST_ID, requestId);
        try {
            return answerAndLog(request, answering, started, requestId, client);
        } finally {
            MDC.remove(REQUEST);
            MDC.remove(REQUEST_ID);
        }
    }

    private WireResponse answerAndLog(WireRequest request, Answering answering, long started, String requestId, String client) {
        Trace trace = new Trace();
        WireResponse response;
        try {
            response = answering.answer(client, trace);
        } catch (Refusal refusal) {
            response = errors.refusal(refusal);
        } catch (RuntimeException failure) {
            response = errors.failure(failure, requestId);
        }
        Map<String, List<String>> always = new LinkedHashMap<>(SECURITY_HEADERS);
        always.put("X-Request-Id", List.of(requestId));
        if (response.header("Cache-Control") == null) {
            // Answers carry personal data (a cart, an address, a token); no browser or proxy may keep them.
            always.put("Cache-Control", NO_STORE);
        }
        response = cors.apply(request, response).withHeaders(always);
        if ("HEAD".equals(request.method())) {
            response = response.withoutBody();
        }
        long nanos = System.nanoTime() - started;
        log.info("access client={} caller={} method={} path={} status={} ms={} request_id={}", client, trace.caller,
                request.method(), request.path(), response.status(), nanos / 1_000_000, requestId);
        for (RequestObserver observer : observers) {
            observer.answered(trace.route, response.status(), nanos);
        }
        return response;
    }

    private WireResponse answer(WireRequest request, String client, Trace trace) {
        if (CorsPolicy.isPreflight(request)) {
            return WireResponse.empty(200);
        }
        Router.Resolution resolution = router.resolve(request.method(), request.path());
        if (resolution instanceof Router.AddSlash addSlash) {
            return redirect(request, addSlash.location());
        }
        if (resolution instanceof Router.MethodNotAllowed notAllowed) {
            return methodNotAllowed(request, notAllowed);
        }
        if (!(resolution instanceof Router.Found found)) {
            throw Refusal.detail(Refusal.Kind.NOT_FOUND, "Not found.");
        }
        trace.route = found.route().key();
        // Lambda events and invoke arrive whole; the web adapter has refused such bodies before reading them. A
        // route that reads no body never parses the one it was sent.
        int bodyLimit = operations.bodyLimit(found.route());
        if (bodyLimit > 0 && request.body().length > bodyLimit) {
            throw BodyReader.TOO_LARGE;
        }
        SessionCookies cookies = sessionCookies.get();
        // With cookies a browser sends the session along whatever page asks; a write from another site's page
        // (signing the victim in to the attacker's account, say) is refused as Django's origin check would.
        if (cookies != null && cookies.enabled() && cors.isCrossSiteWrite(request)) {
            throw Refusal.detail(Refusal.Kind.FORBIDDEN, "CSRF Failed: Origin checking failed - " + request.header("origin")
                    + " does not match any trusted origins.");
        }
        RateLimit declared = found.route().rateLimit();
        if (declared != null) {
            rateLimits.inForce(declared).ifPresent(limit ->
                    rateLimiter.hit(limit.bucket() + ":" + ClientAddresses.networkOf(client), limit.limit(), limit.window()));
        }
        Credentials credentials = Credentials.of(request);
        Caller caller = found.route().access() == Access.ANYONE ? Caller.ANONYMOUS : guard.authenticate(credentials, request.method());
        // The access line names who asked, so that staff reads of personal data can be attributed.
        if (caller.authenticated()) {
            trace.caller = (caller.staff() ? "staff:" : "user:") + caller.userId();
        }
        AccessGuard.check(found.route().access(), caller);
        RequestSources sources = new RequestSources(request, found.pathParameters(), caller, client, credentials, bodies, cookies);
        return operations.answer(found.route(), sources, request);
    }

    private WireResponse methodNotAllowed(WireRequest request, Router.MethodNotAllowed notAllowed) {
        String allow = String.join(", ", notAllowed.allowed());
        if ("OPTIONS".equals(request.method())) {
            return WireResponse.empty(200).withHeader("Allow", allow);
        }
        AccessGuard.check(notAllowed.access(), guard.authenticate(Credentials.of(request), request.method()));
        return errors.refusal(Refusal.detail(Refusal.Kind.METHOD_NOT_ALLOWED, "Method \"" + request.method() + "\" not allowed."))
                .withHeader("Allow", allow);
    }

    private static WireResponse redirect(WireRequest request, String location) {
        String query = QueryStrings.encode(request.query());
        String target = query.isEmpty() ? location : location + "?" + query;
        // 301 for reads, as Django's APPEND_SLASH does; 308 keeps the method and body of writes.
        int status = "GET".equals(request.method()) || "HEAD".equals(request.method()) ? 301 : 308;
        return new WireResponse(status, Map.of("Location", List.of(target)), new byte[0]);
    }
}
