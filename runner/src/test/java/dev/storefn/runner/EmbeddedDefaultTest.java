package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.storefn.Storefn;

class EmbeddedDefaultTest {

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                .properties("STOREFN_DATA_DIR=" + dataDirectory)
                .run();
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
