package dev.storefn.platform;

import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code GET /health/}: 200 when the database answers within two seconds, else 503. */
@Component("health")
class Health implements Function<ApiRequest, ApiResponse> {

    private static final Logger log = LoggerFactory.getLogger(Health.class);

    private final DataSource dataSource;

    Health(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return ApiResponse.ok(Map.of("status", "ok"));
            }
        } catch (Exception e) {
            log.warn("health check: database unavailable: {}", e.toString());
        }
        return ApiResponse.of(503, Map.of("status", "unavailable", "detail", "Database unavailable"));
    }
}
