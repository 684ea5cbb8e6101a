package dev.storefn.runner.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.stereotype.Component;

import dev.storefn.devtools.database.EmbeddedPostgresDatabase;
import dev.storefn.Storefn;
import dev.storefn.accounts.StaffAccounts;
import dev.storefn.devtools.aws.LocalLambdaContext;
import dev.storefn.platform.Misconfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code invoke --event FILE [--as EMAIL]}: runs one API Gateway event through {@code FunctionInvoker}, the code
 * path Lambda runs, and prints the response JSON on standard output (logs go to standard error). With
 * {@code --as}, the event is sent as that account of the local database: a short-lived token of a new session
 * is put in its {@code Authorization} header, so any function can be tried without a sign-in first.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run one API Gateway event (v1 or v2) or EventBridge schedule event through the Lambda adapter"
                + " and print the response JSON.",
                "Like sam local invoke -e; logs go to standard error."})
public final class InvokeCommand implements Callable<Integer> {

    /** The account {@code --as} names, for {@link SignInAs} in the context the invoker starts; then the token it made. */
    static final String AS = "storefn.invoke.as";
    static final String TOKEN = "storefn.invoke.token";
    /** What the sample events that need a signed-in user carry instead of a token. */
    public static final String PLACEHOLDER = "Bearer ACCESS_TOKEN";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = {"-e", "--event"}, required = true, paramLabel = "FILE", description = "the event, a JSON file (see events/)")
    Path event;

    @Option(names = "--as", paramLabel = "EMAIL", description = "send it as this account of the local database (a fresh token)")
    String as;

    @Spec
    CommandSpec spec;

    /** Runs {@code invoke} with these arguments; the command's name may come first. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] options = args.length > 0 && "invoke".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
        return Main.configure(new CommandLine(new InvokeCommand()), out, err).execute(options);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(event)) {
            err.println("Cannot read the event file " + event);
            return 2;
        }
        byte[] payload = Files.readAllBytes(event);
        String definition;
        try {
            definition = functionFor(payload);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (as == null && new String(payload, StandardCharsets.UTF_8).contains(PLACEHOLDER)) {
            err.println("This event is for a signed-in user: add --as EMAIL (an account of the local database) to send it as one.");
        }
        // Logs must not mix with the response on standard output.
        PrintStream stdout = System.out;
        System.setOut(System.err);
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
                invoker = new FunctionInvoker(definition);
            } catch (RuntimeException failedStart) {
                // Reported already, in one line (StartupFailures).
                return 1;
            }
            if (as != null) {
                payload = signedIn(payload, System.getProperty(TOKEN));
            }
            try (InputStream input = new ByteArrayInputStream(payload)) {
                invoker.handleRequest(input, response, new LocalLambdaContext());
            }
        } finally {
            System.setOut(stdout);
            for (String property : List.of(EmbeddedPostgresDatabase.ATTACH, AS, TOKEN)) {
                System.clearProperty(property);
            }
        }
        out.println(response.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
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
     * {@code scheduledJobs} for EventBridge schedule events, as the template routes each.
     */
    static String functionFor(byte[] payload) {
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
     * In the context the invoker starts for {@code --as}: a token of a new session of that account, handed to the
     * command through a system property of its own process. Only the runner has this bean; the Lambda package not.
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
