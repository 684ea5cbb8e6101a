package dev.storefn.platform;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs one request through the route table: redirects, authentication, the route's access rule, the
 * function bean from the function catalog, and the mapping of every failure to a JSON answer. Every
 * adapter (web, Lambda, command line) calls this and only this.
 */
@Component
public class Dispatcher implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FunctionCatalog catalog;
    private final Json json;
    private final ClientAddresses clientAddresses;
    private final CorsPolicy cors;
    private final ObjectProvider<Authenticator> authenticator;
    private final RateLimiter rateLimiter;
    private final Map<String, Function<ApiRequest, ApiResponse>> functions = new ConcurrentHashMap<>();

    public Dispatcher(FunctionCatalog catalog, Json json, ClientAddresses clientAddresses, CorsPolicy cors,
            ObjectProvider<Authenticator> authenticator, RateLimiter rateLimiter) {
        this.catalog = catalog;
        this.json = json;
        this.clientAddresses = clientAddresses;
        this.cors = cors;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /** Fails start-up, not the first request, when the table names a function that does not exist. */
    @Override
    public void afterSingletonsInstantiated() {
        RouteTable.ROUTES.forEach(route -> function(route.function()));
    }

    public WireResponse dispatch(ApiRequest incoming) {
        long started = System.nanoTime();
        String requestId = requestId(incoming.header("x-request-id"));
        String client = clientAddresses.resolve(incoming.peerAddress(), incoming.headers().get("x-forwarded-for"));
        ApiRequest request = incoming.resolved(Map.of(), client, requestId);
        WireResponse response;
        try {
            response = answer(request);
        } catch (ApiException refusal) {
            response = refusalResponse(refusal);
        } catch (RuntimeException failure) {
            response = failureResponse(failure, requestId);
        }
        response = withCors(request, response).withHeader("X-Request-Id", requestId);
        if ("HEAD".equals(request.method())) {
            response = response.withoutBody();
        }
        log.info("access client={} method={} path={} status={} ms={} request_id={}", client, request.method(),
                request.path(), response.status(), (System.nanoTime() - started) / 1_000_000, requestId);
        return response;
    }

    private WireResponse answer(ApiRequest request) {
        if (CorsPolicy.isPreflight(request)) {
            return new WireResponse(200, Map.of(), new byte[0]);
        }
        RouteTable.Resolution resolution = RouteTable.resolve(request.method(), request.path());
        if (resolution instanceof RouteTable.AddSlash addSlash) {
            return redirect(request, addSlash.location());
        }
        if (resolution instanceof RouteTable.NotFound) {
            throw ApiException.detail(404, "Not found.");
        }
        if (resolution instanceof RouteTable.MethodNotAllowed notAllowed) {
            return methodNotAllowed(request, notAllowed);
        }
        RouteTable.Found found = (RouteTable.Found) resolution;
        Route route = found.route();
        RateLimit limit = route.rateLimit();
        if (limit != null) {
            rateLimiter.hit(limit.bucket() + ":" + request.clientAddress(), limit.limit(), limit.window());
        }
        ApiRequest authenticated = request.withCaller(authenticator(request));
        checkAccess(route.access(), authenticated.caller());
        for (Map.Entry<String, String> parameter : found.pathParameters().entrySet()) {
            if (!ID.matcher(parameter.getValue()).matches()) {
                throw ApiException.detail(400, "Invalid " + parameter.getKey() + ": a whole number is required.");
            }
        }
        ApiRequest resolved = authenticated.resolved(found.pathParameters(), request.clientAddress(), request.requestId());
        return serialise(function(route.function()).apply(resolved));
    }

    private Caller authenticator(ApiRequest request) {
        Authenticator available = authenticator.getIfAvailable();
        return available == null ? Caller.ANONYMOUS : available.authenticate(request);
    }

    static void checkAccess(Access access, Caller caller) {
        if (access == Access.ANONYMOUS) {
            return;
        }
        if (!caller.authenticated()) {
            throw ApiException.detail(401, "Authentication credentials were not provided.");
        }
        if (access == Access.STAFF && !caller.staff()) {
            throw ApiException.detail(403, "You do not have permission to perform this action.");
        }
    }

    private WireResponse methodNotAllowed(ApiRequest request, RouteTable.MethodNotAllowed notAllowed) {
        String allow = String.join(", ", notAllowed.allowed());
        if ("OPTIONS".equals(request.method())) {
            return new WireResponse(200, Map.of("Allow", List.of(allow)), new byte[0]);
        }
        // As in DRF, authentication runs before method dispatch: an anonymous caller of a protected path hears 401.
        Access strictest = RouteTable.ROUTES.stream()
                .filter(route -> route.match(request.path()).isPresent())
                .map(Route::access)
                .min(Enum::compareTo)
                .orElse(Access.ANONYMOUS);
        checkAccess(strictest, authenticator(request));
        throw ApiException.detail(405, "Method \"" + request.method() + "\" not allowed.").withHeader("Allow", allow);
    }

    private static WireResponse redirect(ApiRequest request, String location) {
        String query = ApiRequest.encodeQuery(request.query());
        String target = query.isEmpty() ? location : location + "?" + query;
        // 301 for reads, as Django's APPEND_SLASH does; 308 keeps the method and body of writes.
        int status = "GET".equals(request.method()) || "HEAD".equals(request.method()) ? 301 : 308;
        return new WireResponse(status, Map.of("Location", List.of(target)), new byte[0]);
    }

    private WireResponse serialise(ApiResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        if (response.body() instanceof TextBody text) {
            headers.put("Content-Type", List.of(text.contentType()));
            body = text.content().getBytes(StandardCharsets.UTF_8);
        } else if (response.body() != null) {
            headers.put("Content-Type", List.of("application/json"));
            body = json.write(response.body());
        }
        response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        if (!response.cookies().isEmpty()) {
            headers.put("Set-Cookie", new ArrayList<>(response.cookies()));
        }
        return new WireResponse(response.status(), headers, body);
    }

    private WireResponse refusalResponse(ApiException refusal) {
        ApiResponse response = ApiResponse.of(refusal.status(), refusal.body());
        for (Map.Entry<String, String> header : refusal.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        if (refusal.status() == 401 && !refusal.headers().containsKey("WWW-Authenticate")) {
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        }
        return serialise(response);
    }

    private WireResponse failureResponse(RuntimeException failure, String requestId) {
        ApiException refusal = findRefusal(failure);
        if (refusal != null) {
            return refusalResponse(refusal);
        }
        if (causedBy(failure, DataAccessResourceFailureException.class)) {
            log.error("request_id={} database unavailable: {}", requestId, failure.toString());
            return refusalResponse(ApiException.detail(503, "Service temporarily unavailable.").withHeader("Retry-After", "5"));
        }
        log.error("request_id={} unexpected failure", requestId, failure);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Internal error");
        body.put("request_id", requestId);
        return serialise(ApiResponse.of(500, body));
    }

    /** The function catalog may wrap what an operation throws. */
    private static ApiException findRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private WireResponse withCors(ApiRequest request, WireResponse response) {
        String origin = request.header("origin");
        if (origin == null) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        // Whatever the verdict, the answer depends on Origin: caches must not hand one origin's answer to another.
        headers.put("Vary", List.of("Origin"));
        if (!cors.allows(origin)) {
            return new WireResponse(response.status(), headers, response.body());
        }
        headers.put("Access-Control-Allow-Origin", List.of(origin));
        headers.put("Access-Control-Allow-Credentials", List.of("true"));
        if (CorsPolicy.isPreflight(request)) {
            headers.put("Access-Control-Allow-Methods", List.of(CorsPolicy.ALLOWED_METHODS));
            headers.put("Access-Control-Allow-Headers", List.of(CorsPolicy.ALLOWED_HEADERS));
            headers.put("Access-Control-Max-Age", List.of("86400"));
        }
        return new WireResponse(response.status(), headers, response.body());
    }

    @SuppressWarnings("unchecked")
    private Function<ApiRequest, ApiResponse> function(String name) {
        return functions.computeIfAbsent(name, key -> {
            Function<ApiRequest, ApiResponse> function = catalog.lookup(Function.class, key);
            if (function == null) {
                throw new IllegalStateException("The route table names a function that does not exist: " + key);
            }
            return function;
        });
    }

    private static String requestId(String offered) {
        if (offered != null && REQUEST_ID.matcher(offered).matches()) {
            return offered;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
