package dev.storefn.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.AnswerVersion;

/** The catalog's version, which the database grows with every committed change to products (see V2). */
@Component
public class CatalogVersion implements AnswerVersion {

    private final JdbcClient jdbc;

    CatalogVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long current() {
        return jdbc.sql("SELECT sum(changes) FROM catalog_version").query(Long.class).single();
    }
}
