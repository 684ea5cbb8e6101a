/**
 * The embedded default: a real PostgreSQL in {@code STOREFN_DATA_DIR} when {@code DATABASE_URL} is not set, its
 * demo catalog, a local secret key, and the guard against two instances on one data directory.
 */
package dev.storefn.devtools.database;
