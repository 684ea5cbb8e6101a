package dev.storefn.platform.database;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /health/}: ok when the database answers within two seconds, else unavailable. */
@Component
@Transaction(NONE)
public class Health implements Function<Health.Input, Health.Status> {

    public record Input() {
    }

    public record Status(String status) {
    }

    private static final Logger log = LoggerFactory.getLogger(Health.class);

    private final DataSource dataSource;

    Health(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Status apply(Input input) {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return new Status("ok");
            }
        } catch (Exception e) {
            log.warn("health check: database unavailable: {}", e.toString());
        }
        throw Refusal.detail(Refusal.Kind.UNAVAILABLE, "Database unavailable").with("status", "unavailable");
    }
}
