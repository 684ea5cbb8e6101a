package dev.storefn.platform;

import static dev.storefn.platform.Access.ANONYMOUS;
import static dev.storefn.platform.Access.STAFF;
import static dev.storefn.platform.Access.USER;

import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single list of what storefn serves. The web adapter, the Lambda adapter, {@code template.yaml},
 * the OpenAPI document and the access-control tests are all derived from it.
 */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            route("GET", "/health/", "health", ANONYMOUS, "Health: 200 when the database answers, else 503"),
            route("GET", "/schema/", "openApiDocument", ANONYMOUS, "The OpenAPI document of every route"),
            route("GET", "/docs/", "apiDocs", ANONYMOUS, "Swagger UI for the OpenAPI document"),

            limited(route("POST", "/api/register/", "register", ANONYMOUS, "Create an account; answers the user and tokens"),
                    3, Duration.ofHours(1)),
            limited(route("POST", "/api/login/", "login", ANONYMOUS, "Sign in with email and password"), 5, Duration.ofMinutes(15)),
            route("POST", "/api/refresh/", "refreshToken", ANONYMOUS, "A new access token for a refresh token"),
            limited(route("POST", "/api/google/", "googleSignIn", ANONYMOUS, "Sign in with a Google ID token"),
                    5, Duration.ofMinutes(15)),
            route("POST", "/api/logout/", "logout", ANONYMOUS, "End the session of the presented token"),
            route("GET", "/api/me/", "me", USER, "The signed-in user"),

            route("GET", "/api/products/", "listProducts", ANONYMOUS,
                    "Products, newest first; search, category, min_price, max_price, optional page/page_size"),
            route("GET", "/api/products/{id}/", "getProduct", ANONYMOUS, "One product"),

            route("POST", "/api/panel/users/{id}/toggle-block/", "toggleUserBlock", STAFF,
                    "Block or unblock a user (not oneself)"));

    private RouteTable() {
    }

    private static Route route(String method, String path, String function, Access access, String summary) {
        return new Route(method, path, function, access, summary, null);
    }

    /** Counted per client address, every call whatever its outcome, as the original's django-ratelimit did. */
    private static Route limited(Route route, int limit, Duration window) {
        return new Route(route.method(), route.path(), route.function(), route.access(), route.summary(),
                new RateLimit(route.function(), limit, window));
    }

    /** What a request's method and path lead to. */
    public sealed interface Resolution {
    }

    public record Found(Route route, Map<String, String> pathParameters) implements Resolution {
    }

    public record MethodNotAllowed(Set<String> allowed) implements Resolution {
    }

    public record AddSlash(String location) implements Resolution {
    }

    public record NotFound() implements Resolution {
    }

    public static Resolution resolve(String method, String path) {
        List<Candidate> candidates = candidatesFor(path);
        if (candidates.isEmpty()) {
            if (!path.endsWith("/") && !candidatesFor(path + "/").isEmpty()) {
                return new AddSlash(path + "/");
            }
            return new NotFound();
        }
        // Like Django's URL resolver: the most specific path wins, then its methods decide.
        int best = candidates.stream().mapToInt(c -> c.route().literalSegments()).max().orElseThrow();
        List<Candidate> specific = candidates.stream().filter(c -> c.route().literalSegments() == best).toList();
        String lookupMethod = "HEAD".equals(method) ? "GET" : method;
        Optional<Candidate> exact = specific.stream().filter(c -> c.route().method().equals(lookupMethod)).findFirst();
        if (exact.isPresent()) {
            return new Found(exact.get().route(), exact.get().parameters());
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Candidate candidate : specific) {
            allowed.add(candidate.route().method());
            if ("GET".equals(candidate.route().method())) {
                allowed.add("HEAD");
            }
        }
        allowed.add("OPTIONS");
        return new MethodNotAllowed(allowed);
    }

    private record Candidate(Route route, Map<String, String> parameters) {
    }

    private static List<Candidate> candidatesFor(String path) {
        List<Candidate> candidates = new ArrayList<>();
        for (Route route : ROUTES) {
            route.match(path).ifPresent(parameters -> candidates.add(new Candidate(route, parameters)));
        }
        return candidates;
    }
}
