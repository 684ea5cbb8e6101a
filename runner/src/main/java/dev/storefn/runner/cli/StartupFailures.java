package dev.storefn.runner.cli;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Objects;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.storefn.platform.Misconfiguration;

/**
 * Why storefn could not start, in one line an operator can act on: a setting to fix ({@link Misconfiguration}),
 * a port in use, or a database that cannot be reached, refuses the password, wants TLS or is not PostgreSQL.
 * Anything else is named by its root cause; {@code --debug} shows the whole trace.
 */
// Before Spring Boot's own analyzers: every failure at start gets its one line here.
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupFailures implements FailureAnalyzer, FailureAnalysisReporter {

    private static final String NOT_POSTGRESQL = "What answers at the address in DATABASE_URL does not speak PostgreSQL: check its host and port.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String line = ExceptionUtils.stream(failure).map(StartupFailures::explain).filter(Objects::nonNull).findFirst().orElseGet(() -> {
            Throwable root = ExceptionUtils.getRootCause(failure);
            return "storefn could not start: " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                    + root.getMessage().lines().findFirst().orElse("")) + ". Run the command again with --debug for the details.";
        });
        return new FailureAnalysis(line, "", failure);
    }

    /** The line on standard error, instead of Spring Boot's report block; with {@code --debug} ({@link Main#DEBUG}) the whole trace follows. */
    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("storefn: " + analysis.getDescription() + (analysis.getAction().isEmpty() ? "" : " " + analysis.getAction()));
        if (Boolean.getBoolean(Main.DEBUG)) {
            analysis.getCause().printStackTrace();
        }
    }

    private static String explain(Throwable cause) {
        if (cause instanceof Misconfiguration misconfiguration) {
            return misconfiguration.getMessage();
        }
        if (cause instanceof PortInUseException inUse) {
            return "Port " + inUse.getPort() + " is already in use: stop what listens on it, or set PORT to another port.";
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String message = String.valueOf(sql.getMessage());
            return switch (sql.getSQLState()) {
                case "28P01" -> "The database refused the password in DATABASE_URL: check it (percent-encoded: @ is %40, / is %2F).";
                case "28000" -> message.contains("no encryption")
                        ? "The database accepts only encrypted connections: add ?sslmode=require to DATABASE_URL."
                        : "The database refused this connection (" + firstLine(message) + "): check the user in DATABASE_URL and the"
                                + " server's pg_hba.conf.";
                case "3D000" -> "The database named in DATABASE_URL does not exist (" + firstLine(message) + "): create it, or name"
                        + " another.";
                case "08P01" -> NOT_POSTGRESQL;
                case "08004" -> message.contains("SSL")
                        ? "The database does not offer TLS: enable it on the server, or, on a private network only, add"
                                + " ?sslmode=disable to DATABASE_URL."
                        : "The database refused the connection: " + firstLine(message);
                default -> null;
            };
        }
        if (cause instanceof UnknownHostException unknown) {
            return "DATABASE_URL's host " + unknown.getMessage() + " is not known: check its spelling and the DNS.";
        }
        if (cause instanceof ConnectException refused) {
            return "Nothing answers at the database's address (" + firstLine(refused.getMessage()) + "): is PostgreSQL running there,"
                    + " and are the host and port in DATABASE_URL right?";
        }
        if (cause instanceof SocketTimeoutException) {
            return "The database did not answer in time: check the host and port in DATABASE_URL, and that a firewall lets this"
                    + " machine reach it.";
        }
        if (cause instanceof EOFException) {
            return NOT_POSTGRESQL;
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
