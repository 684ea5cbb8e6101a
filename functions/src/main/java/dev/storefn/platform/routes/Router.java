package dev.storefn.platform.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storefn.platform.access.Access;

/** Finds what a request's method and path lead to in the route table, as Django's URL resolver does. */
public final class Router {

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.method() + " " + route.path())) {
                throw new IllegalArgumentException("The route table lists " + route.method() + " " + route.path() + " twice");
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** What a request's method and path lead to. */
    public sealed interface Resolution {
    }

    public record Found(Route route, Map<String, String> pathParameters) implements Resolution {
    }

    public record MethodNotAllowed(Set<String> allowed, Access access) implements Resolution {
    }

    public record AddSlash(String location) implements Resolution {
    }

    public record NotFound() implements Resolution {
    }

    public Resolution resolve(String method, String path) {
        List<Candidate> candidates = candidatesFor(path);
        if (candidates.isEmpty()) {
            if (!path.endsWith("/") && !candidatesFor(path + "/").isEmpty()) {
                return new AddSlash(path + "/");
            }
            return new NotFound();
        }
        // The most specific path wins, then its methods decide.
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
        // DRF checks access before the method: the path's most open rule decides who hears 405 rather than 401.
        Access access = candidates.stream().map(c -> c.route().access()).min(Enum::compareTo).orElse(Access.ANONYMOUS);
        return new MethodNotAllowed(allowed, access);
    }

    private record Candidate(Route route, Map<String, String> parameters) {
    }

    private List<Candidate> candidatesFor(String path) {
        List<Candidate> candidates = new ArrayList<>();
        for (Route route : routes) {
            route.match(path).ifPresent(parameters -> candidates.add(new Candidate(route, parameters)));
        }
        return candidates;
    }
}
