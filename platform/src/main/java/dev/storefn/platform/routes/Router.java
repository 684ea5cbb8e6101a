package dev.storefn.platform.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storefn.platform.access.Access;

/** Finds what a request's method and path lead to in the route table, as Django's URL resolver does. */
public final class Router {

    private final List<Route> routes;
    /**
     * The templates by {@link Template#shape()}: a request is matched against a handful of them, not the whole
     * table, since every request runs through here.
     */
    private final Map<String, Template[]> templatesByShape;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Map<String, List<Template>> byShape = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Route route : this.routes) {
            if (!seen.add(route.key())) {
                throw new IllegalArgumentException("The route table lists " + route.key() + " twice");
            }
            Template template = Template.of(route);
            byShape.computeIfAbsent(template.shape(), shape -> new ArrayList<>()).add(template);
        }
        this.templatesByShape = new HashMap<>();
        byShape.forEach((shape, list) -> templatesByShape.put(shape, list.toArray(Template[]::new)));
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
        int best = 0;
        for (Candidate candidate : candidates) {
            best = Math.max(best, candidate.literals());
        }
        String lookupMethod = "HEAD".equals(method) ? "GET" : method;
        for (Candidate candidate : candidates) {
            if (candidate.literals() == best && candidate.route().method().equals(lookupMethod)) {
                return new Found(candidate.route(), candidate.parameters());
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        // DRF checks access before the method: the path's most open rule decides who hears 405 rather than 401.
        Access access = null;
        for (Candidate candidate : candidates) {
            if (candidate.literals() == best) {
                allowed.add(candidate.route().method());
                if ("GET".equals(candidate.route().method())) {
                    allowed.add("HEAD");
                }
            }
            Access own = candidate.route().access();
            access = access == null || own.compareTo(access) < 0 ? own : access;
        }
        allowed.add("OPTIONS");
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
        for (String shape : Template.shapesOf(actual)) {
            for (Template template : templatesByShape.getOrDefault(shape, NONE)) {
                Map<String, String> parameters = template.match(actual);
                if (parameters != null) {
                    candidates.add(new Candidate(template.route(), parameters, template.literals()));
                }
            }
        }
        return candidates;
    }

    private static final Template[] NONE = {};

    /**
     * A route's path template split once, at start-up, since every request is matched against some of them.
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

        /**
         * The number of segments and the second one when it is literal ({@code api/products/...} gives
         * {@code 3 products}), else the number alone: a request can only fit the templates of its own shapes.
         */
        String shape() {
            return shape(segments.length, segments.length < 2 || names[1] != null ? null : segments[1]);
        }

        /** The shapes a request's segments can fit: that of its second segment taken as literal, and the wild one. */
        static List<String> shapesOf(List<String> actual) {
            return actual.size() < 2 ? List.of(shape(actual.size(), null))
                    : List.of(shape(actual.size(), actual.get(1)), shape(actual.size(), null));
        }

        private static String shape(int size, String secondLiteral) {
            return secondLiteral == null ? String.valueOf(size) : size + " " + secondLiteral;
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
