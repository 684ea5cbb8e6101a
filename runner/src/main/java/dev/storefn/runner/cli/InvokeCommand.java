package dev.storefn.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import dev.storefn.devtools.aws.LocalInvoke;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code invoke --event FILE [--as EMAIL]}: runs one event through the Lambda handler ({@link LocalInvoke}) and prints
 * the response JSON on standard output (logs go to standard error).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run one API Gateway event (v1 or v2) or EventBridge schedule event through the Lambda adapter"
                + " and print the response JSON.",
                "Like sam local invoke -e; logs go to standard error."})
public final class InvokeCommand implements Callable<Integer> {

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
        String function;
        try {
            function = LocalInvoke.functionFor(payload);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (as == null && new String(payload, StandardCharsets.UTF_8).contains(LocalInvoke.PLACEHOLDER)) {
            err.println("This event is for a signed-in user: add --as EMAIL (an account of the local database) to send it as one.");
        }
        // Logs must not mix with the response on standard output.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        byte[] response;
        try {
            response = LocalInvoke.invoke(function, payload, as);
        } finally {
            System.setOut(stdout);
        }
        if (response == null) {
            // Reported already, in one line (StartupFailures).
            return 1;
        }
        out.println(new String(response, StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
