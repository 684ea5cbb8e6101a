package dev.storefn.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;
import picocli.CommandLine.Command;
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

    @Spec
    CommandSpec spec;

    private ConfigurableApplicationContext context;

    @Override
    public Integer call() {
        return serve(SpringArguments.check(springArguments, spec.commandLine()));
    }

    int serve(String[] arguments) {
        try {
            context = SpringApplication.run(Storefn.class, arguments);
            return 0;
        } catch (RuntimeException e) {
            // Spring Boot has reported any other failure already: its analysis, or the stack trace.
            DataDirectoryInUseException.in(e).ifPresent(inUse -> spec.commandLine().getErr().println(inUse.getMessage()));
            return 1;
        }
    }

    /** True once the server runs: the process then lives on in Tomcat's threads. */
    boolean serving() {
        return context != null && context.isActive();
    }
}
