package dev.storefn.platform.database;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storefn.platform.Misconfiguration;

/** The connection pool, from {@code DATABASE_URL} or, without it, from the process's own local database. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    // A List, not an ObjectProvider: only injection by list records the dependency, which makes the local
    // database stop after the pools that use it have closed.
    @Bean
    DatabaseUrl databaseUrl(Environment environment, List<LocalDatabase> localDatabases) {
        String configured = environment.getProperty("DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            return DatabaseUrl.parse(configured);
        }
        if (localDatabases.isEmpty()) {
            throw new Misconfiguration("DATABASE_URL is not set: set it to postgresql://user:password@host:5432/database or a JDBC URL");
        }
        return localDatabases.get(0).url();
    }

    /**
     * Migrations get connections of their own, outside the pool: Flyway holds two at once, and a Lambda
     * instance's pool has one.
     */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseUrl url) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url.jdbcUrl(), url.username(), url.password());
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(Environment environment, DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefn");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setMaximumPoolSize(environment.getProperty("DB_POOL_SIZE", Integer.class, 10));
        // Lambda sets 0: under SnapStart a connection opened during init would be frozen into the snapshot
        // and restored long dead; with 0 the pool opens its first connection on the first request.
        config.setMinimumIdle(Math.min(environment.getProperty("DB_MIN_IDLE", Integer.class, 2), config.getMaximumPoolSize()));
        // Fail fast when the database is down or stalled: a request waits at most this long for a connection,
        // then answers 503 (Hikari's default is 30 s, longer than anyone waits for a shop page).
        config.setConnectionTimeout(environment.getProperty("DB_CONNECT_TIMEOUT_MS", Long.class, 2_500L));
        config.setValidationTimeout(1_000L);
        // The driver's own limits, so that no attempt hangs inside the pool: opening a connection (TCP and
        // start-up), and any one read, which also bounds a statement (no shop query runs for seconds).
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("loginTimeout", "3");
        config.addDataSourceProperty("socketTimeout", environment.getProperty("DB_SOCKET_TIMEOUT_S", "5"));
        // A pool must not take start-up down with it: /health/ reports an unreachable database as 503.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
