package dev.storefn.platform.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's answer that is not a success: not found, refused, not allowed and the like. The platform
 * turns it into the original API's error shapes, once for every route: {@code {"detail"}} for framework and
 * auth errors, {@code {"error", "detail"}} for business errors, and field maps (plus a {@code detail}
 * string) for validation. Carries no stack trace: it is an answer, not a fault.
 */
public final class Refusal extends RuntimeException {

    /** What went wrong, in the domain's terms; the platform decides the status each one is answered with. */
    public enum Kind {
        /** The input breaks a field rule. */
        INVALID,
        /** A business rule says no (insufficient stock, blocking oneself). */
        REFUSED,
        /** No acceptable credentials. */
        NOT_AUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        NOT_FOUND,
        /** The method is not one the path offers (the router's). */
        METHOD_NOT_ALLOWED,
        /** The request repeats an earlier one with a different content (an idempotency key reused). */
        MISMATCH,
        /** The same request is being served right now (a retry that overtook the first attempt). */
        CONFLICT,
        /** The request is larger than accepted. */
        TOO_LARGE,
        /** The body comes in a format the route does not read. */
        UNSUPPORTED_MEDIA_TYPE,
        TOO_MANY_REQUESTS,
        /** A service storefn depends on (a payment provider) failed. */
        UPSTREAM_FAILED,
        /** storefn cannot serve this now or is not configured for it. */
        UNAVAILABLE
    }

    /** How the message is worded on the wire. */
    public enum Wording {
        /** {@code {"detail": message}}. */
        DETAIL,
        /** {@code {"error": message, "detail": message}}: the original's hand-written business errors. */
        ERROR,
        /** {@code {"field": ["message"], ..., "detail": first message}}. */
        FIELDS
    }

    private final Kind kind;
    private final Wording wording;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, Object> extra;
    private final long retryAfterSeconds;

    private Refusal(Kind kind, Wording wording, String message, Map<String, List<String>> fieldErrors,
            Map<String, Object> extra, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.wording = wording;
        this.fieldErrors = fieldErrors;
        this.extra = extra;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code {"detail": message}}. */
    public static Refusal detail(Kind kind, String message) {
        return new Refusal(kind, Wording.DETAIL, message, Map.of(), Map.of(), 0);
    }

    /** {@code {"error": message, "detail": message}}. */
    public static Refusal error(Kind kind, String message) {
        return new Refusal(kind, Wording.ERROR, message, Map.of(), Map.of(), 0);
    }

    /** A business rule refused the request: {@code {"error", "detail"}}. */
    public static Refusal refused(String message) {
        return error(Kind.REFUSED, message);
    }

    /** Django's words for a missing object: {@code No Product matches the given query.} */
    public static Refusal notFound(String model) {
        return detail(Kind.NOT_FOUND, "No " + model + " matches the given query.");
    }

    public static Refusal invalid(String field, String message) {
        return invalid(Map.of(field, List.of(message)));
    }

    /** A field map; {@code detail} is its first message. */
    public static Refusal invalid(Map<String, List<String>> fieldErrors) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fieldErrors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        String first = copy.values().stream().flatMap(List::stream).findFirst().orElse("Invalid input.");
        return new Refusal(Kind.INVALID, Wording.FIELDS, first, copy, Map.of(), 0);
    }

    /** Adds a field beside the message, such as simplejwt's {@code code}. */
    public Refusal with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(field, value);
        return new Refusal(kind, wording, getMessage(), fieldErrors, more, retryAfterSeconds);
    }

    /** When the caller may try again, for refusals that end by themselves (rate limits, outages). */
    public Refusal retryAfter(long seconds) {
        return new Refusal(kind, wording, getMessage(), fieldErrors, extra, seconds);
    }

    public Kind kind() {
        return kind;
    }

    public Wording wording() {
        return wording;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    /** Zero when there is nothing to say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
