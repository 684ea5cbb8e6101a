package dev.storefn.platform.database;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool, from {@code DATABASE_URL} or, without it, from the process's own local database. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    // A List, not an ObjectProvider: only injection by list records the dependency, which makes the local
    // database stop after the pool has closed.
    @Bean(destroyMethod = "close")
    DataSource dataSource(Environment environment, List<LocalDatabase> localDatabases) {
        String configured = environment.getProperty("DATABASE_URL");
        DatabaseUrl url;
        if (configured != null && !configured.isBlank()) {
            url = DatabaseUrl.parse(configured);
        } else {
            if (localDatabases.isEmpty()) {
                throw new IllegalStateException("DATABASE_URL is not set (postgresql://user:pass@host:port/db or a JDBC URL)");
            }
            url = localDatabases.get(0).url();
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefn");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setMaximumPoolSize(environment.getProperty("DB_POOL_SIZE", Integer.class, 10));
        // Lambda sets 0: under SnapStart a connection opened during init would be frozen into the snapshot
        // and restored long dead; with 0 the pool opens its first connection on the first request.
        config.setMinimumIdle(Math.min(environment.getProperty("DB_MIN_IDLE", Integer.class, 2), config.getMaximumPoolSize()));
        config.setConnectionTimeout(environment.getProperty("DB_CONNECT_TIMEOUT_MS", Long.class, 10_000L));
        // A pool must not take start-up down with it: /health/ reports an unreachable database as 503.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
