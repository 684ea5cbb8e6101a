package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.testing.BadInput;
import dev.storefn.testing.ThroughLambda;

/**
 * {@link BadInput}'s requests over real HTTP, through Tomcat and the web adapter: every one answered with
 * JSON (a {@code detail} string for refusals), never a failure, never HTML; the invariants hold afterwards.
 */
class BadInputHttpTest extends HttpTest {

    @Test
    void everyRouteAnswersBadInputOverHttpWithJsonAndNeverAFailure() throws Exception {
        ThroughLambda.skipUnlessDirect("the functions Lambda pass sends every one of these as an API Gateway event already");
        Map<String, String> callers = everyKindOfCaller("bad-http");
        HttpResponse<byte[]> schema = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/schema/")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<BadInput.Attempt> attempts = BadInput.attempts(JSON.readTree(schema.body()), callers);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (BadInput.Attempt attempt : attempts) {
            HttpResponse<byte[]> response = send(attempt.request());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = BadInput.problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            if (problem != null) {
                failures.add(attempt.describe() + ": " + problem);
            }
        }
        System.out.println("bad input over HTTP: " + attempts.size() + " requests, seed " + BadInput.SEED + ", " + failures.size()
                + " failures; by status " + statuses);
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(statuses).containsKeys(200, 400, 401, 403, 404, 405, 415);
        assertThat(failures).isEmpty();
        assertInvariantsHold();
    }

    /** The request as a client sends it; a header value no HTTP client may send (a NUL in it) is left out. */
    private HttpResponse<byte[]> send(WireRequest request) throws InterruptedException {
        String query = QueryStrings.encode(request.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + encodedPath(request.path())
                + (query.isEmpty() ? "" : "?" + query))).method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> values.stream().filter(value -> value.chars().noneMatch(c -> c < 0x20 && c != '\t'))
                .forEach(value -> builder.header(name, value)));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.path(), e);
        }
    }

    /** Non-ASCII path characters percent-encoded as UTF-8, as a browser sends them; escapes already there kept. */
    private static String encodedPath(String path) {
        return URI.create("http://x" + path.replace(" ", "%20")).toASCIIString().substring("http://x".length());
    }
}
