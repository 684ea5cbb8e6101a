package dev.storefn.runner.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code migrate}: applies the Flyway migrations, says which, and exits: 0 when the schema is up to date, 1 when it failed. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Apply the database migrations, say which, and exit (deploys run this before starting a release).",
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
        AtomicReference<MigrateResult> migrated = new AtomicReference<>();
        Optional<ConfigurableApplicationContext> started = CommandContext.start(builder -> builder
                // Spring Boot migrates through this, so the command can say what was applied.
                .initializers(starting -> starting.getBeanFactory().registerSingleton("reportedMigration",
                        (FlywayMigrationStrategy) flyway -> migrated.set(flyway.migrate()))), arguments);
        if (started.isEmpty()) {
            return 1;
        }
        started.get().close();
        // Last, after the context's own lines on closing.
        err.println(report(migrated.get()));
        return 0;
    }

    static String report(MigrateResult result) {
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (result.migrationsExecuted == 0) {
            return "The database schema is at version " + version + ": no migration to apply.";
        }
        List<String> applied = result.migrations.stream().map(migration -> migration.version + " " + migration.description).toList();
        return "Applied " + result.migrationsExecuted + (result.migrationsExecuted == 1 ? " migration" : " migrations") + " ("
                + String.join(", ", applied) + "): the database schema is at version " + version + ".";
    }
}
