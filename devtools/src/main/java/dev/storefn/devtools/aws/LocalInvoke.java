package dev.storefn.devtools.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.stereotype.Component;

import dev.storefn.Storefn;
import dev.storefn.accounts.StaffAccounts;
import dev.storefn.devtools.database.EmbeddedPostgresDatabase;
import dev.storefn.platform.Misconfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code invoke}: one API Gateway event (v1 or v2) or EventBridge schedule event through {@code FunctionInvoker},
 * the code path Lambda runs, with a local Lambda context; what {@code sam local invoke -e} does, without Docker.
 * Sent as an account of the local database, the event carries a short-lived token of a new session of it in its
 * {@code Authorization} header, so any function can be tried without a sign-in first.
 */
public final class LocalInvoke {

    /** What the sample events that need a signed-in user carry instead of a token. */
    public static final String PLACEHOLDER = "Bearer ACCESS_TOKEN";
    /** The account to send the event as, for {@link SignInAs} in the context the invoker starts; then the token it made. */
    static final String AS = "storefn.invoke.as";
    static final String TOKEN = "storefn.invoke.token";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalInvoke() {
    }

    /**
     * The response event of {@code function} (see {@link #functionFor}) for {@code payload}, sent as the account
     * {@code as} (null: as the event is); null when the function could not start ({@code StartupFailures} has
     * said why, in one line).
     */
    public static byte[] invoke(String function, byte[] payload, String as) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            System.setProperty("MAIN_CLASS", Storefn.class.getName());
            // Beside a running storefn on the same embedded data directory, use its database.
            System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
            if (as != null) {
                System.setProperty(AS, as);
            }
            FunctionInvoker invoker;
            try {
                invoker = new FunctionInvoker(function);
            } catch (RuntimeException failedStart) {
                return null;
            }
            byte[] event = as == null ? payload : signedIn(payload, System.getProperty(TOKEN));
            try (InputStream input = new ByteArrayInputStream(event)) {
                invoker.handleRequest(input, response, new LocalLambdaContext());
            }
        } finally {
            for (String property : List.of(EmbeddedPostgresDatabase.ATTACH, AS, TOKEN)) {
                System.clearProperty(property);
            }
        }
        return response.toByteArray();
    }

    /** The event with this token in its {@code Authorization} header, as API Gateway would pass it on. */
    static byte[] signedIn(byte[] payload, String token) {
        if (token == null) {
            throw new IllegalArgumentException("No token was made for --as");
        }
        ObjectNode event = (ObjectNode) JSON.readTree(payload);
        String bearer = "Bearer " + token;
        ObjectNode headers = event.has("headers") && event.get("headers").isObject() ? (ObjectNode) event.get("headers")
                : event.putObject("headers");
        // REST API events name headers as sent; HTTP API events in lower case.
        headers.remove(List.of("Authorization", "authorization"));
        headers.put(event.has("httpMethod") ? "Authorization" : "authorization", bearer);
        if (event.has("multiValueHeaders") && event.get("multiValueHeaders").isObject()) {
            ObjectNode multi = (ObjectNode) event.get("multiValueHeaders");
            multi.remove(List.of("Authorization", "authorization"));
            multi.putArray("Authorization").add(bearer);
        }
        return JSON.writeValueAsBytes(event);
    }

    /**
     * {@code httpApi} for HTTP API (payload v2) events, {@code restApi} for REST API (v1) events, and
     * {@code scheduledJobs} for EventBridge schedule events, as the template routes each; refuses anything else
     * with a line saying what an event is.
     */
    public static String functionFor(byte[] payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The event file is not JSON: " + e.getMessage());
        }
        if (event.has("routeKey") || "2.0".equals(event.path("version").asString(""))) {
            return "httpApi";
        }
        if (event.has("httpMethod")) {
            return "restApi";
        }
        if ("aws.events".equals(event.path("source").asString("")) && "Scheduled Event".equals(event.path("detail-type").asString(""))) {
            return "scheduledJobs";
        }
        throw new IllegalArgumentException("Neither an API Gateway proxy event (httpMethod for v1, version 2.0 for v2)"
                + " nor an EventBridge schedule event (source aws.events, detail-type Scheduled Event)");
    }

    /**
     * In the context the invoker starts for an account: a token of a new session of it, handed back through a
     * system property of this process. Only a local invocation has this bean; the Lambda package not.
     */
    @Component
    @ConditionalOnProperty(AS)
    static class SignInAs implements SmartInitializingSingleton {

        private final StaffAccounts accounts;

        SignInAs(StaffAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public void afterSingletonsInstantiated() {
            try {
                System.setProperty(TOKEN, accounts.signInAs(System.getProperty(AS)));
            } catch (IllegalArgumentException unknown) {
                throw new Misconfiguration("--as " + System.getProperty(AS) + ": " + unknown.getMessage()
                        + ": sign one up first (events/register-v2.json, or create-staff)");
            }
        }
    }
}
