package dev.storefn.devtools.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses a data directory whose embedded PostgreSQL another storefn runs as soon as the environment is
 * known. Refused later, by {@link EmbeddedPostgresDatabase}, Spring has started Tomcat by then and logs
 * the refusal nested in the failure of every bean that needed the database. That check stays: it also
 * sees a data directory configured after this runs (a test's {@code @DynamicPropertySource}).
 */
class DataDirectoryInUseCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty("DATABASE_URL"))) {
            EmbeddedPostgresDatabase.sharedPort(environment, DataDirectory.postgres(environment));
        }
    }
}
