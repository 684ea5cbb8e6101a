package dev.storefn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.BadInput;
import dev.storefn.testing.Invariants;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BadInput} (every route, from the OpenAPI document, as nobody, a user, a blocked user and staff)
 * through the dispatcher, and in the Lambda pass as API Gateway events. Every answer is JSON with a
 * {@code detail} string and never a failure; the invariants hold afterwards.
 */
class BadInputTest extends FunctionsTest {

    @Test
    void everyRouteAnswersBadInputWithJsonAndNeverAFailure() {
        // Other tests seed orders straight into the tables; the invariants are checked on what this test leaves.
        jdbc.sql("TRUNCATE orders, processed_webhook_events RESTART IDENTITY CASCADE").update();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("user", signUp("bad-input-user"));
        callers.put("blocked", signUp("bad-input-blocked"));
        callers.put("staff", signUp("bad-input-staff"));
        jdbc.sql("UPDATE users SET is_block = true WHERE email LIKE 'bad-input-blocked-%'").update();
        jdbc.sql("UPDATE users SET is_staff = true WHERE email LIKE 'bad-input-staff-%'").update();
        // The document the shop serves, as a client developer reads it.
        Document served = new OpenApiDocument().apply(new OpenApiDocument.Input());
        JsonNode document = JsonMapper.shared().readTree(served.content());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<BadInput.Attempt> attempts = BadInput.attempts(document, callers);
        for (BadInput.Attempt attempt : attempts) {
            WireRequest request = attempt.request();
            // In the build's Lambda pass every one of them goes as an API Gateway event through FunctionInvoker.
            WireResponse response = deliver(request, QueryStrings.encode(request.query()));
            statuses.merge(response.status(), 1, Integer::sum);
            String problem = BadInput.problem(response.status(), response.header("Content-Type"), response.body());
            if (problem != null) {
                failures.add(attempt.describe() + ": " + problem);
            }
        }
        int sent = attempts.size();
        System.out.println("bad input" + (ThroughLambda.active() ? " through Lambda events" : "") + ": " + sent + " requests, seed "
                + BadInput.SEED + ", " + failures.size() + " failures; by status " + statuses);
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        // The mutations reach past the front door: refusals of every kind, and some successes too.
        assertThat(statuses).containsKeys(200, 400, 401, 403, 404, 405);
        assertThat(failures).isEmpty();
        // And nothing half-written: the shop's invariants hold afterwards.
        Invariants.assertHold(jdbc);
    }

    private String signUp(String name) {
        String email = name + "-" + System.nanoTime() + "@example.com";
        WireResponse registered = sendFrom("198.51.120." + (1 + Math.floorMod(name.hashCode(), 250)), "POST", "/api/register/",
                "{\"email\": \"" + email + "\", \"password\": \"a long password\"}", Map.of());
        assertThat(registered.status()).isEqualTo(201);
        return body(registered).get("access").asString();
    }
}
