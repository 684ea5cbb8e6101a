package dev.storefn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void supabasePoolerUrlsBecomeJdbcUrlsWithoutServerSidePreparedStatements() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://postgres.abcd:s3cr%40t%2Fpw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://aws-0-eu-west-1.pooler.supabase.com:6543/postgres?sslmode=require&prepareThreshold=0");
        assertThat(url.username()).isEqualTo("postgres.abcd");
        assertThat(url.password()).isEqualTo("s3cr@t/pw");
    }

    @Test
    void herokuStyleUrlsDefaultThePortAndDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://shop:pw@db.internal");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/postgres?sslmode=require");
    }

    @Test
    void aRemoteDatabaseIsReachedOverTlsUnlessTheUrlSaysOtherwise() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@db.example.com/shop").jdbcUrl()).contains("sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://u:p@db.example.com/shop?sslmode=verify-full").jdbcUrl())
                .contains("sslmode=verify-full").doesNotContain("sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://u:p@10.0.0.5/shop?sslmode=disable").jdbcUrl()).contains("sslmode=disable")
                .doesNotContain("require");
        assertThat(DatabaseUrl.parse("postgresql://u:p@127.0.0.1:5432/shop").jdbcUrl()).doesNotContain("sslmode");
        assertThat(DatabaseUrl.parse("postgresql://u:p@localhost/shop").jdbcUrl()).doesNotContain("sslmode");
    }

    @Test
    void aDirectConnectionKeepsPreparedStatementsAndARecognisedPoolerGoesWithout() {
        // Supabase's direct connection, a database of one's own.
        assertThat(DatabaseUrl.parse("postgresql://postgres:pw@db.abcd.supabase.co:5432/postgres").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.abcd.supabase.co:5432/postgres?sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://u:p@127.0.0.1/shop").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
        // Poolers: Prisma's hint (dropped: the driver does not know it), Supabase's pooler by port or host, PgBouncer's port.
        assertThat(DatabaseUrl.parse("postgresql://u:p@h:6543/db?pgbouncer=true").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6543/db?sslmode=require&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("postgresql://u:p@db.example.com/db?pgbouncer=true&connect_timeout=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/db?connect_timeout=5&sslmode=require&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("postgresql://u:p@aws-0-eu-west-1.pooler.supabase.com:5432/postgres").jdbcUrl())
                .endsWith("&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("postgresql://u:p@127.0.0.1:6432/shop").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:6432/shop?prepareThreshold=0");
        assertThat(DatabaseUrl.parse("postgresql://u:p@h/db?pgbouncer=false").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
    }

    @Test
    void anExplicitPrepareThresholdAlwaysWins() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?prepareThreshold=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/db?prepareThreshold=5");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:6543/db?prepareThreshold=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6543/db?prepareThreshold=5");
        assertThat(DatabaseUrl.parse("postgresql://u:p@h:5432/db?prepareThreshold=0").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?prepareThreshold=0&sslmode=require");
    }

    @Test
    void jdbcUrlsPassThroughWithTheSamePoolerRule() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/shop?user=a&password=b");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop?user=a&password=b");
        assertThat(url.username()).isNull();
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db.internal/shop").jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/shop");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost:6543/shop?user=a").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:6543/shop?user=a&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost:7000/shop?pgbouncer=true&user=a").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:7000/shop?user=a&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost:7000/shop?user=a&PgBouncer=true").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:7000/shop?user=a&prepareThreshold=0");
        // Several hosts, or an address this rule does not read: the safe side.
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5432/shop").jdbcUrl()).endsWith("?prepareThreshold=0");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://[::1]:5432/shop").jdbcUrl()).endsWith("?prepareThreshold=0");
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .hasMessageNotContaining("hunter2").hasMessageContaining("postgresql://");
        assertThat(DatabaseUrl.parse("postgresql://u:hunter2@h/db").toString()).doesNotContain("hunter2");
    }
}
