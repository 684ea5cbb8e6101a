package dev.storefn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.zaxxer.hikari.HikariDataSource;

class DatabaseConfigurationTest {

    // Nothing listens there; with the pools below nothing tries before they are closed.
    private static final String NOWHERE = "postgresql://storefn@127.0.0.1:9/storefn";

    private static int minimumIdle(MockEnvironment environment) {
        try (HikariDataSource pool = (HikariDataSource) new DatabaseConfiguration()
                .dataSource(environment, DatabaseUrl.parse(NOWHERE))) {
            return pool.getMinimumIdle();
        }
    }

    @Test
    void keepsTwoIdleConnectionsByDefaultButNeverMoreThanThePool() {
        assertThat(minimumIdle(new MockEnvironment())).isEqualTo(2);
        assertThat(minimumIdle(new MockEnvironment().withProperty("DB_POOL_SIZE", "1"))).isEqualTo(1);
    }

    @Test
    void dbMinIdleSetsTheIdleConnectionsKept() {
        assertThat(minimumIdle(new MockEnvironment().withProperty("DB_MIN_IDLE", "0"))).isZero();
        assertThat(minimumIdle(new MockEnvironment().withProperty("DB_MIN_IDLE", "5"))).isEqualTo(5);
        assertThat(minimumIdle(new MockEnvironment().withProperty("DB_MIN_IDLE", "5").withProperty("DB_POOL_SIZE", "3")))
                .isEqualTo(3);
    }
}
