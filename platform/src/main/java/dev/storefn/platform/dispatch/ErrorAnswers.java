package dev.storefn.platform.dispatch;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.Json;
import dev.storefn.platform.wire.WireResponse;

/**
 * The one place a failure becomes an answer: refusals in the original API's shapes and statuses, a
 * database outage as 503, anything else as 500 with a request id and no trace of what failed.
 */
@Component
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final Json json;

    /**
     * SQL states of a database that is gone or going, whoever reports them: 08 (connection exceptions, a read
     * that timed out), 57P01-57P03 (the server shutting down, crashed, or not yet accepting), 57014 (a
     * statement cancelled), 53300 (too many connections).
     */
    private static final Pattern UNAVAILABLE_STATES = Pattern.compile("08...|57P0[123]|57014|53300");

    ErrorAnswers(Json json) {
        this.json = json;
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID, REFUSED -> 400;
            case NOT_AUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case MISMATCH -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    WireResponse refusal(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (refusal.wording()) {
            case FIELDS -> {
                body.putAll(refusal.fieldErrors());
                body.put("detail", refusal.getMessage());
            }
            case ERROR -> {
                body.put("error", refusal.getMessage());
                body.put("detail", refusal.getMessage());
            }
            case DETAIL -> body.put("detail", refusal.getMessage());
        }
        body.putAll(refusal.extra());
        WireResponse response = WireResponse.json(status(refusal.kind()), json.write(body));
        if (refusal.kind() == Refusal.Kind.NOT_AUTHENTICATED) {
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        }
        if (refusal.retryAfterSeconds() > 0) {
            response = response.withHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        return response;
    }

    WireResponse failure(Throwable failure, String requestId) {
        // The function catalog and the transaction template may wrap what an operation throws.
        Refusal refusal = ExceptionUtils.throwableOfType(failure, Refusal.class);
        if (refusal != null) {
            return refusal(refusal);
        }
        if (databaseUnavailable(failure)) {
            log.error("request_id={} database unavailable: {}", requestId, failure.toString());
            return refusal(Refusal.detail(Refusal.Kind.UNAVAILABLE, "Service temporarily unavailable.").retryAfter(5));
        }
        log.error("request_id={} unexpected failure", requestId, failure);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Internal error");
        body.put("request_id", requestId);
        return WireResponse.json(500, json.write(body));
    }

    static boolean databaseUnavailable(Throwable failure) {
        if (Stream.of(DataAccessResourceFailureException.class, CannotCreateTransactionException.class, SQLTransientConnectionException.class,
                SQLNonTransientConnectionException.class, QueryTimeoutException.class).anyMatch(type -> ExceptionUtils.indexOfType(failure, type) >= 0)) {
            return true;
        }
        for (Throwable cause : ExceptionUtils.getThrowableList(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && UNAVAILABLE_STATES.matcher(sql.getSQLState()).matches()) {
                return true;
            }
            // A rollback on a connection the failure already closed replaces the failure; judge the one it replaced.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                return databaseUnavailable(rollback.getApplicationException());
            }
        }
        return false;
    }
}
