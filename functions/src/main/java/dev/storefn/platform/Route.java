package dev.storefn.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation on the wire: method, path template (always with its trailing slash), the function bean
 * that serves it and who may call it. Path parameters ({@code {id}}) are always integer ids.
 */
public record Route(String method, String path, String function, Access access, String summary, RateLimit rateLimit) {

    public Route {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("Route paths start and end with a slash: " + path);
        }
    }

    public List<String> segments() {
        return splitPath(path);
    }

    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String segment : segments()) {
            if (isParameter(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /** How many literal segments the template has: the more, the more specific ({@code create/} beats {@code {id}/}). */
    int literalSegments() {
        return (int) segments().stream().filter(segment -> !isParameter(segment)).count();
    }

    /** The path parameters if {@code requestPath} fits this template, whatever the method. */
    Optional<Map<String, String>> match(String requestPath) {
        List<String> expected = segments();
        List<String> actual = splitPath(requestPath);
        if (expected.size() != actual.size() || !requestPath.endsWith("/")) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            if (isParameter(segment)) {
                if (actual.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual.get(i));
            } else if (!segment.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> splitPath(String path) {
        String trimmed = path.substring(1, path.endsWith("/") ? path.length() - 1 : path.length());
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
