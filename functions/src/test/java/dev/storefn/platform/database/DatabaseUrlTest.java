package dev.storefn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void supabaseUrlsBecomeJdbcUrlsWithoutServerSidePreparedStatements() {
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
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/postgres?sslmode=require&prepareThreshold=0");
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
    void pgbouncerHintsAreDroppedAndAnExplicitPrepareThresholdIsKept() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@h:6543/db?pgbouncer=true").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6543/db?sslmode=require&prepareThreshold=0");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?prepareThreshold=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/db?prepareThreshold=5");
    }

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/shop?user=a&password=b");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop?user=a&password=b&prepareThreshold=0");
        assertThat(url.username()).isNull();
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .hasMessageNotContaining("hunter2").hasMessageContaining("postgresql://");
        assertThat(DatabaseUrl.parse("postgresql://u:hunter2@h/db").toString()).doesNotContain("hunter2");
    }
}
