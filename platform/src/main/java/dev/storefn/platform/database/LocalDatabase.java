package dev.storefn.platform.database;

/**
 * A database the process starts for itself when {@code DATABASE_URL} is not set (the runner's embedded
 * PostgreSQL). The data source depends on it, so it stops only after the last connection is closed.
 */
public interface LocalDatabase {

    DatabaseUrl url();
}
