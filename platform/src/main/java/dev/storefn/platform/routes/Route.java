package dev.storefn.platform.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.ResolvableType;

import dev.storefn.platform.access.Access;
import dev.storefn.platform.access.RateLimit;
import dev.storefn.platform.operation.AnswerVersion;

/**
 * One operation on the wire: method, path template (always with its trailing slash), the operation that
 * serves it (a {@code Function} from its input record to its output), who may call it, what a success
 * answers, and, for a shared read, the version whose change ends its cached answers ({@code cachedBy}, else null).
 * How it uses transactions is said on the operation ({@link dev.storefn.platform.operation.Transaction}).
 * Path parameters ({@code {id}}) are always whole numbers.
 */
public record Route(String method, String path, Class<? extends Function<?, ?>> operation, Access access, String summary,
        RateLimit rateLimit, Success success, boolean idempotent, Class<? extends AnswerVersion> cachedBy) {

    /** What a successful call answers. */
    public enum Success {
        OK(200), CREATED(201), NO_CONTENT(204);

        private final int status;

        Success(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Route {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("Route paths start and end with a slash: " + path);
        }
        if (inputOf(operation) == null) {
            throw new IllegalArgumentException(operation.getName() + " does not say which input record it takes");
        }
    }

    public static Route of(String method, String path, Class<? extends Function<?, ?>> operation, Access access, String summary) {
        return new Route(method, path, operation, access, summary, null, Success.OK, false, null);
    }

    public Route created() {
        return new Route(method, path, operation, access, summary, rateLimit, Success.CREATED, idempotent, cachedBy);
    }

    public Route noContent() {
        return new Route(method, path, operation, access, summary, rateLimit, Success.NO_CONTENT, idempotent, cachedBy);
    }

    /** Counted per client address, every call whatever its outcome, as the original's django-ratelimit did. */
    public Route limited(int limit, Duration window) {
        return new Route(method, path, operation, access, summary, new RateLimit(name(), limit, window), success, idempotent,
                cachedBy);
    }

    /** A retry with the same {@code Idempotency-Key} (same user, same request) gets the first answer again. */
    public Route withIdempotencyKeys() {
        return new Route(method, path, operation, access, summary, rateLimit, success, true, cachedBy);
    }

    /**
     * A read whose answer is made only of the data {@code version} versions, the same for every caller: its
     * successful answers are kept in memory and served again while that version stands still.
     */
    public Route cachedUntilChanged(Class<? extends AnswerVersion> version) {
        if (!"GET".equals(method) || access != Access.ANONYMOUS) {
            throw new IllegalArgumentException("Only anonymous reads can share answers: " + method + " " + path);
        }
        return new Route(method, path, operation, access, summary, rateLimit, success, idempotent, version);
    }

    /** {@code "GET /api/products/{id}/"}: how the table's duplicate check, the metrics and the logs name a route. */
    public String key() {
        return method + " " + path;
    }

    /** The operation's name: its class name with a lower-case initial, as its bean is named ({@code getProduct}). */
    public String name() {
        String simple = operation.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    public Class<?> input() {
        return inputOf(operation);
    }

    public ResolvableType output() {
        return ResolvableType.forClass(operation).as(Function.class).getGeneric(1);
    }

    private static Class<?> inputOf(Class<?> operation) {
        return ResolvableType.forClass(operation).as(Function.class).getGeneric(0).resolve();
    }

    public List<String> segments() {
        return splitPath(path);
    }

    public Set<String> parameterNames() {
        return segments().stream().filter(Route::isParameter).map(segment -> segment.substring(1, segment.length() - 1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> splitPath(String path) {
        if (path.isEmpty() || "/".equals(path)) {
            return List.of();
        }
        String trimmed = path.substring(1, path.endsWith("/") ? path.length() - 1 : path.length());
        return trimmed.isEmpty() ? List.of() : new ArrayList<>(List.of(trimmed.split("/", -1)));
    }
}
