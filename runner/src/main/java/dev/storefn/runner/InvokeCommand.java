package dev.storefn.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.Storefn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code invoke --event FILE}: runs one API Gateway event through {@code FunctionInvoker}, the code path
 * Lambda runs, and prints the response JSON on standard output (logs go to standard error).
 */
final class InvokeCommand {

    private InvokeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path event = null;
        for (int i = 0; i < args.length; i++) {
            if (("--event".equals(args[i]) || "-e".equals(args[i])) && i + 1 < args.length) {
                event = Path.of(args[++i]);
            }
        }
        if (event == null) {
            err.print("invoke needs --event FILE.json\n\n" + Main.USAGE);
            return 2;
        }
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
        System.setOut(err);
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

    /** {@code httpApi} for HTTP API (payload v2) events, {@code restApi} for REST API (v1) events. */
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
        throw new IllegalArgumentException("Not an API Gateway proxy event: expected httpMethod (v1) or version 2.0 (v2)");
    }
}
