package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.storefn.testing.ThroughLambda;

/**
 * The server answers product reads from the poll of the catalog's version (ANSWER_VERSION_POLL_MS) without asking the
 * database, and its own commits, made through Spring's transactions, make the next request ask. The poll is set far
 * apart (and the scheduled jobs, which commit, further still) so that only the server's own commit can bring the change.
 */
@TestPropertySource(properties = {"ANSWER_VERSION_POLL_MS=600000", "STOREFN_JOBS_INTERVAL=PT1H"})
class AnswerVersionsHttpTest extends HttpTest {

    @Test
    void aChangeMadeElsewhereWaitsForThePollAndOneCommittedHereIsSeenByTheNextRequest() {
        ThroughLambda.skipUnlessDirect("a Lambda instance never polls: every request asks the database");
        long tee = product("Polled Tee", "10.00", 5);
        String path = "/api/products/" + tee + "/";
        assertThat(expect(200, "GET", path, null, null).body().get("name").asString()).isEqualTo("Polled Tee");

        // As psql or another instance would: outside this server's transactions.
        jdbc.sql("UPDATE products SET name = 'Renamed Elsewhere' WHERE id = ?").param(tee).update();
        assertThat(expect(200, "GET", path, null, null).body().get("name").asString())
                .as("the catalog's version is taken from the poll, not asked again").isEqualTo("Polled Tee");

        signUp("answer-versions@example.com");
        assertThat(expect(200, "GET", path, null, null).body().get("name").asString())
                .as("a transaction committed by the server").isEqualTo("Renamed Elsewhere");
    }
}
