package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.access.Access;
import dev.storefn.platform.routes.Route;
import dev.storefn.RouteTable;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** Every route of the table, called as nobody, a user, a blocked user and staff. */
class AccessControlTest extends AccountsTestSupport {

    private static final String NO_CREDENTIALS = "Authentication credentials were not provided.";
    private static final String NOT_PERMITTED = "You do not have permission to perform this action.";
    private static final String BLOCKED = "Your account has been blocked. Please contact support.";

    private final AtomicInteger clients = new AtomicInteger();

    private WireResponse call(Route route, String token) {
        String path = route.path().replaceAll("\\{[^}]+}", "1");
        Map<String, String> headers = token == null ? Map.of() : bearer(token);
        String body = "GET".equals(route.method()) ? null : "{}";
        // A fresh address per call: the route table's rate limits must not decide these answers.
        return sendFrom("198.51.110." + clients.incrementAndGet() % 250, route.method(), path, body, headers);
    }

    private String detail(WireResponse response) {
        if (response.body().length == 0 || !"application/json".equals(response.header("Content-Type"))) {
            return "";
        }
        JsonNode detail = body(response).get("detail");
        return detail == null ? "" : detail.asString();
    }

    @Test
    void theWholeTableAnswersEachKindOfCallerAsItsAccessRuleSays() {
        // Paths name object 1: this account, so that staff blocking or erasing it leaves the callers below as they are.
        createUser("bystander@example.com", false);
        User user = createUser("user@example.com", false);
        User blocked = createUser("blocked@example.com", false);
        User staff = createUser("staff@example.com", true);
        block(blocked);
        for (Route route : RouteTable.ROUTES) {
            String name = route.method() + " " + route.path();

            WireResponse anonymous = call(route, null);
            if (route.access() == Access.ANONYMOUS || route.access() == Access.ANYONE) {
                assertThat(detail(anonymous)).as("anonymous " + name).isNotIn(NO_CREDENTIALS, NOT_PERMITTED);
            } else {
                assertThat(anonymous.status()).as("anonymous " + name).isEqualTo(401);
                assertThat(detail(anonymous)).isEqualTo(NO_CREDENTIALS);
                assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
            }

            WireResponse asUser = call(route, accessToken(user));
            if (route.access() == Access.STAFF) {
                assertThat(asUser.status()).as("user " + name).isEqualTo(403);
                assertThat(detail(asUser)).isEqualTo(NOT_PERMITTED);
            } else {
                assertThat(detail(asUser)).as("user " + name).isNotIn(NO_CREDENTIALS, NOT_PERMITTED);
                assertThat(asUser.status()).as("user " + name).isNotEqualTo(500);
            }

            WireResponse asBlocked = call(route, accessToken(blocked));
            if (route.access() == Access.ANYONE) {
                // Logging out: a blocked user ends their session too, so it does not come back on unblocking.
                assertThat(asBlocked.status()).as("blocked " + name).isEqualTo(200);
            } else {
                assertThat(asBlocked.status()).as("blocked " + name).isEqualTo(401);
                assertThat(detail(asBlocked)).isEqualTo(BLOCKED);
            }

            WireResponse asStaff = call(route, accessToken(staff));
            assertThat(detail(asStaff)).as("staff " + name).isNotIn(NO_CREDENTIALS, NOT_PERMITTED, BLOCKED);
            assertThat(asStaff.status()).as("staff " + name).isNotEqualTo(500);
        }
    }
}
