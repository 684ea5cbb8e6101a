package dev.storefn.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code migrate}: applies the Flyway migrations and exits, 0 when the schema is up to date, 1 when it failed. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Apply the database migrations and exit (deploys run this before starting a release).",
                "Other arguments are Spring Boot properties: --name=value."})
final class MigrateCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String[] arguments = SpringArguments.check(springArguments, spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        System.setProperty("spring.flyway.enabled", "true");
        System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                .run(arguments)) {
            err.println("Database migrations are up to date.");
            return 0;
        } catch (RuntimeException e) {
            err.println("Migration failed: " + DataDirectoryInUseException.in(e).map(Throwable::getMessage).orElse(e.getMessage()));
            return 1;
        }
    }
}
