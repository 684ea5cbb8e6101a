package dev.storefn.platform.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storefn.platform.access.Access;

/** Finds what a request's method and path lead to in the route table, as Django's URL resolver does. */
public final class Router {

    private final List<Route> routes;
    private final List<Template> templates;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.templates = this.routes.stream().map(Template::of).toList();
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.key())) {
                throw new IllegalArgumentException("The route table lists " + route.key() + " twice");
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
        int best = candidates.stream().mapToInt(Candidate::literals).max().orElseThrow();
        List<Candidate> specific = candidates.stream().filter(c -> c.literals() == best).toList();
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

    private record Candidate(Route route, Map<String, String> parameters, int literals) {
    }

    private List<Candidate> candidatesFor(String path) {
        // Every template ends with a slash, so a path without one fits none.
        if (!path.endsWith("/")) {
            return List.of();
        }
        List<String> actual = Route.splitPath(path);
        List<Candidate> candidates = new ArrayList<>(2);
        for (Template template : templates) {
            Map<String, String> parameters = template.match(actual);
            if (parameters != null) {
                candidates.add(new Candidate(template.route(), parameters, template.literals()));
            }
        }
        return candidates;
    }

    /**
     * A route's path template split once, at start-up, since every request is matched against all of them.
     * {@code names[i]} is the parameter name of segment {@code i}, or null where the segment is literal.
     */
    private record Template(Route route, String[] segments, String[] names, int literals) {

        static Template of(Route route) {
            List<String> segments = route.segments();
            String[] names = new String[segments.size()];
            int literals = 0;
            for (int i = 0; i < names.length; i++) {
                String segment = segments.get(i);
                if (Route.isParameter(segment)) {
                    names[i] = segment.substring(1, segment.length() - 1);
                } else {
                    literals++;
                }
            }
            return new Template(route, segments.toArray(String[]::new), names, literals);
        }

        /** The path parameters if the request's segments fit; null if they do not. */
        Map<String, String> match(List<String> actual) {
            if (actual.size() != segments.length) {
                return null;
            }
            for (int i = 0; i < segments.length; i++) {
                if (names[i] == null ? !segments[i].equals(actual.get(i)) : actual.get(i).isEmpty()) {
                    return null;
                }
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (names[i] != null) {
                    parameters.put(names[i], actual.get(i));
                }
            }
            return parameters;
        }
    }
}
