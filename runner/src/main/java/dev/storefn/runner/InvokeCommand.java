package dev.storefn.runner;

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
import java.util.concurrent.Callable;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.lambda.LocalLambdaContext;

import dev.storefn.Storefn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code invoke --event FILE}: runs one API Gateway event through {@code FunctionInvoker}, the code path
 * Lambda runs, and prints the response JSON on standard output (logs go to standard error).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run one API Gateway event (v1 or v2) or EventBridge schedule event through the Lambda adapter"
                + " and print the response JSON.",
                "Like sam local invoke -e; logs go to standard error."})
final class InvokeCommand implements Callable<Integer> {

    @Option(names = {"-e", "--event"}, required = true, paramLabel = "FILE", description = "the event, a JSON file (see events/)")
    Path event;

    @Spec
    CommandSpec spec;

    /** Runs {@code invoke} with these arguments; the command's name may come first. */
    static int run(String[] args, PrintStream out, PrintStream err) {
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
        // Logs must not mix with the response on standard output.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream input = new ByteArrayInputStream(payload)) {
            System.setProperty("MAIN_CLASS", Storefn.class.getName());
            // Beside a running storefn on the same embedded data directory, use its database.
            System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
            new FunctionInvoker(definition).handleRequest(input, response, new LocalLambdaContext());
        } finally {
            System.setOut(stdout);
            System.clearProperty(EmbeddedPostgresDatabase.ATTACH);
        }
        out.println(response.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    /**
     * {@code httpApi} for HTTP API (payload v2) events, {@code restApi} for REST API (v1) events, and
     * {@code scheduledJobs} for EventBridge schedule events, as the template routes each.
     */
    static String functionFor(byte[] payload) {
        JsonNode event;
        try {
            event = JsonMapper.builder().build().readTree(payload);
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
}
