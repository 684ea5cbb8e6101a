package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.storefn.devtools.database.DemoCatalog;
import dev.storefn.runner.cli.CreateStaffCommand;
import dev.storefn.Storefn;

class EmbeddedDefaultTest {

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                // An argument, not a default property: those rank below the environment's STOREFN_DATA_DIR.
                .run("--STOREFN_DATA_DIR=" + dataDirectory);
    }

    @Test
    void createStaffStartsTheEmbeddedDatabaseWhenNothingRunsOnIt() throws Exception {
        System.setProperty("STOREFN_DATA_DIR", dataDirectory.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = CreateStaffCommand.run(new String[] {"--email", "owner@example.com", "--password-stdin"},
                    new ByteArrayInputStream("owner password\n".getBytes()), new PrintStream(out, true), System.err);
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("Created staff account owner@example.com");
        } finally {
            System.clearProperty("STOREFN_DATA_DIR");
        }
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(JdbcClient.class).sql("SELECT is_staff FROM users WHERE email = 'owner@example.com'")
                    .query(Boolean.class).single()).isTrue();
        }
    }

    @Test
    void dataSurvivesARestartAndTheDemoCatalogIsSeededOnlyOnce() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isEqualTo(DemoCatalog.PRODUCTS.size());
            jdbc.sql("DELETE FROM products WHERE id = 1").update();
            jdbc.sql("INSERT INTO users (email, password) VALUES ('kept@example.com', '')").update();
        }
        assertThat(Files.exists(dataDirectory.resolve("postgres/PG_VERSION"))).isTrue();
        assertThat(Files.exists(dataDirectory.resolve("media/products"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isEqualTo(DemoCatalog.PRODUCTS.size() - 1);
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = 'kept@example.com'").query(Long.class).single()).isEqualTo(1);
        }
    }
}
