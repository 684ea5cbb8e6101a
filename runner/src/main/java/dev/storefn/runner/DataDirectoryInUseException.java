package dev.storefn.runner;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** Another process runs the embedded PostgreSQL of this data directory: a second storefn must not start on it. */
final class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path directory) {
        super("A PostgreSQL is already running on " + directory + " (see its postmaster.pid), started by another storefn that"
                + " is still serving this data directory (see postgres.owner beside it). Stop that storefn, or give this one its"
                + " own STOREFN_DATA_DIR.");
    }

    /** This refusal among the causes of a failed start (Spring wraps it in bean and web server exceptions). */
    static Optional<DataDirectoryInUseException> in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof DataDirectoryInUseException inUse) {
                return Optional.of(inUse);
            }
        }
        return Optional.empty();
    }
}
