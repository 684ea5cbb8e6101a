package dev.storefn.platform.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import dev.storefn.platform.Unique;
import dev.storefn.platform.access.AccessGuard;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.routes.Router;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Runs one request to its answer: what every request goes through (request id and client address, CORS,
 * routing and redirects, the error answers, the headers of every answer and the access line),
 * and in between the route's own path ({@link RoutePaths}), assembled at start-up. Every adapter (web, Lambda,
 * command line) calls this and only this.
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

    /** A request id the local proxy may hand on; otherwise the dispatcher makes one. */
    private static final Pattern WELL_FORMED_REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Router router;
    private final ClientAddresses clientAddresses;
    private final CorsPolicy cors;
    private final AccessGuard guard;
    private final RoutePaths paths;
    private final ErrorAnswers errors;
    private final List<RequestObserver> observers;

    Dispatcher(Router router, ClientAddresses clientAddresses, CorsPolicy cors, AccessGuard guard, RoutePaths paths,
            ErrorAnswers errors, List<RequestObserver> observers) {
        this.router = router;
        this.clientAddresses = clientAddresses;
        this.cors = cors;
        this.guard = guard;
        this.paths = paths;
        this.errors = errors;
        this.observers = List.copyOf(observers);
    }

    public WireResponse dispatch(WireRequest request) {
        return respond(request, this::answer);
    }

    /**
     * How many bytes of body the request's route reads, for an adapter to decide before reading it: a larger
     * body is refused ({@link BodyReader#TOO_LARGE}), and a route (or a path) that reads none is given none.
     */
    public int bodyLimit(String method, String path) {
        return router.resolve(method, path) instanceof Router.Found found ? paths.bodyLimit(found.route()) : 0;
    }

    /**
     * The answer to a request an adapter refused before reading its body (too large, or no turn for a large
     * one): {@code request} has no body, and the answer gets the headers, the access line and the metrics that
     * every answer gets.
     */
    public WireResponse refuse(WireRequest request, Refusal refusal) {
        return respond(request, exchange -> {
            throw refusal;
        });
    }

    private WireResponse respond(WireRequest request, Function<Exchange, WireResponse> answering) {
        long started = System.nanoTime();
        // Only the local proxy's id is taken (nginx's $request_id); a client's own could forge another request's lines.
        String offered = clientAddresses.isTrustedPeer(request.peerAddress()) ? request.header("x-request-id") : null;
        String requestId = offered != null && WELL_FORMED_REQUEST_ID.matcher(offered).matches() ? offered : Unique.hex(8);
        String client = clientAddresses.resolve(request.peerAddress(), request.headers().get("x-forwarded-for"));
        MDC.put(REQUEST, "[request_id=" + requestId + "] ");
        MDC.put(REQUEST_ID, requestId);
        try {
            Exchange exchange = new Exchange(request, client);
            WireResponse response;
            try {
                response = answering.apply(exchange);
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
            log.info("access client={} caller={} method={} path={} status={} ms={} request_id={}", client, exchange.callerForLog(),
                    request.method(), request.path(), response.status(), nanos / 1_000_000, requestId);
            for (RequestObserver observer : observers) {
                observer.answered(exchange.route, response.status(), nanos);
            }
            return response;
        } finally {
            MDC.remove(REQUEST);
            MDC.remove(REQUEST_ID);
        }
    }

    private WireResponse answer(Exchange exchange) {
        WireRequest request = exchange.request;
        if (CorsPolicy.isPreflight(request)) {
            return WireResponse.empty(200);
        }
        Router.Resolution resolution = router.resolve(request.method(), request.path());
        if (resolution instanceof Router.AddSlash addSlash) {
            return redirect(request, addSlash.location());
        }
        if (resolution instanceof Router.MethodNotAllowed notAllowed) {
            return methodNotAllowed(exchange, notAllowed);
        }
        if (!(resolution instanceof Router.Found found)) {
            throw Refusal.detail(Refusal.Kind.NOT_FOUND, "Not found.");
        }
        exchange.route = found.route().key();
        exchange.pathParameters = found.pathParameters();
        return paths.path(found.route()).answer(exchange);
    }

    private WireResponse methodNotAllowed(Exchange exchange, Router.MethodNotAllowed notAllowed) {
        WireRequest request = exchange.request;
        String allow = String.join(", ", notAllowed.allowed());
        if ("OPTIONS".equals(request.method())) {
            return WireResponse.empty(200).withHeader("Allow", allow);
        }
        AccessGuard.check(notAllowed.access(), guard.authenticate(exchange.credentials(), request.method()));
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
