package dev.storefn.platform.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.storefn.platform.wire.WireRequest;

/**
 * What a request presents to prove who sends it: the {@code Authorization} header, the cookies, the CSRF header,
 * and the page it comes from as a browser says ({@code Origin}, against the {@code Host} it was sent to). The one
 * place a bearer token is read from a request.
 */
public record Credentials(String authorization, Map<String, String> cookies, String csrfHeader, String origin, String host) {

    /** What the {@code Authorization} header says about a bearer token. */
    public sealed interface Bearer {
    }

    /** No header, or a scheme other than Bearer: the caller is anonymous as far as the header goes. */
    public record NoBearer() implements Bearer {
    }

    /** {@code Bearer} with no value or several: simplejwt refuses such a header outright. */
    public record MalformedBearer() implements Bearer {
    }

    public record BearerToken(String token) implements Bearer {
    }

    // Compiled once: String.split compiles its expression on every call, and this runs for every request.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public Credentials {
        cookies = Map.copyOf(cookies);
    }

    public static Credentials of(WireRequest request) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
        }
        return new Credentials(request.header("authorization"), cookies, request.header("x-csrftoken"), request.header("origin"),
                request.header("host"));
    }

    public Bearer bearer() {
        if (authorization == null) {
            return new NoBearer();
        }
        String[] parts = WHITESPACE.split(authorization.strip());
        if (parts.length == 0 || !"Bearer".equals(parts[0])) {
            return new NoBearer();
        }
        return parts.length == 2 ? new BearerToken(parts[1]) : new MalformedBearer();
    }

    /** The bearer token if the header carries exactly one, else null. */
    public String bearerToken() {
        return bearer() instanceof BearerToken token ? token.token() : null;
    }
}
