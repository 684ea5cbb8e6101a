package dev.storefn.runner.cli;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.devtools.database.EmbeddedPostgresDatabase;
import dev.storefn.Storefn;

/** The shop without its web server, for a command; beside a storefn serving the same data directory, on its database. */
final class CommandContext {

    private CommandContext() {
    }

    static Optional<ConfigurableApplicationContext> start() {
        return start(UnaryOperator.identity());
    }

    /** The started context, or empty when it could not start: {@link StartupFailures} has said why, in one line. */
    static Optional<ConfigurableApplicationContext> start(UnaryOperator<SpringApplicationBuilder> customised, String... arguments) {
        System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
        try {
            return Optional.of(customised.apply(new SpringApplicationBuilder(Storefn.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false)).run(arguments));
        } catch (RuntimeException failedStart) {
            return Optional.empty();
        } finally {
            System.clearProperty(EmbeddedPostgresDatabase.ATTACH);
        }
    }
}
