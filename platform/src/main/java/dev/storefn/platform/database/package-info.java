/** The database: the connection pool from DATABASE_URL or a local database, and the health check. */
package dev.storefn.platform.database;
