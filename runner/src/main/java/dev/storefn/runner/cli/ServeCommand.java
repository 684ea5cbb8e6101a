package dev.storefn.runner.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.devtools.aws.LambdaGateway;
import dev.storefn.Storefn;
import dev.storefn.devtools.aws.LocalApiGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code serve}, the default command: HTTP on {@code PORT} until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Serve HTTP on PORT (default 8000) until stopped. The default command.",
                "Other arguments are Spring Boot properties: --name=value, e.g. --server.port=0."})
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Option(names = "--via-lambda", description = "Serve every request through the Lambda handler (FunctionInvoker) as API"
            + " Gateway events, as sam local start-api does, on PORT.")
    boolean viaLambda;

    @Option(names = "--payload", paramLabel = "v2|v1", description = "With --via-lambda: HTTP API (v2, the default) or REST API (v1) events.")
    String payload = "v2";

    private LambdaGateway gateway;

    @Spec
    CommandSpec spec;

    private ConfigurableApplicationContext context;

    @Override
    public Integer call() {
        if (viaLambda) {
            return serveViaLambda();
        }
        return serve(SpringArguments.check(springArguments, spec.commandLine()));
    }

    private int serveViaLambda() {
        if (!"v2".equals(payload) && !"v1".equals(payload)) {
            throw new ParameterException(spec.commandLine(), "--payload is v2 or v1, not " + payload);
        }
        String host = System.getenv().getOrDefault("SERVER_ADDRESS", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        try {
            gateway = LambdaGateway.start(host, port, "v1".equals(payload) ? LocalApiGateway.Payload.REST_API
                    : LocalApiGateway.Payload.HTTP_API, properties(SpringArguments.check(springArguments, spec.commandLine())));
            spec.commandLine().getErr().println("Serving through the Lambda handler (" + payload + " events) on http://" + host + ":"
                    + gateway.port() + "/");
            return 0;
        } catch (java.io.IOException | RuntimeException e) {
            spec.commandLine().getErr().println("Could not serve through the Lambda handler: " + e.getMessage());
            return 1;
        }
    }

    /** {@code --name=value} arguments as the function's settings: on Lambda they would be environment variables. */
    private static Map<String, String> properties(String[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument.substring(2).split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, last) -> last, LinkedHashMap::new));
    }

    int serve(String[] arguments) {
        try {
            context = SpringApplication.run(Storefn.class, arguments);
            return 0;
        } catch (RuntimeException e) {
            // Reported already, in one line (StartupFailures).
            return 1;
        }
    }

    /** True once the server runs: the process then lives on in Tomcat's threads. */
    boolean serving() {
        return gateway != null || context != null && context.isActive();
    }
}
