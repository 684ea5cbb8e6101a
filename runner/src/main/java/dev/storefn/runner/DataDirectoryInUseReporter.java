package dev.storefn.runner;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a {@link DataDirectoryInUseException} with its stack trace: the command
 * line prints it as one line ({@link ServeCommand}, {@link MigrateCommand}). Claiming it as reported is
 * what makes Spring Boot skip its own report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataDirectoryInUseReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return DataDirectoryInUseException.in(failure).isPresent();
    }
}
