package dev.storefn.devtools.database;

import java.nio.file.Path;

import dev.storefn.platform.Misconfiguration;

/** Another process runs the embedded PostgreSQL of this data directory: a second storefn must not start on it. */
final class DataDirectoryInUseException extends Misconfiguration {

    DataDirectoryInUseException(Path directory) {
        super("A PostgreSQL is already running on " + directory + " (see its postmaster.pid), started by another storefn that"
                + " is still serving this data directory (see postgres.owner beside it). Stop that storefn, or give this one its"
                + " own STOREFN_DATA_DIR.");
    }
}
