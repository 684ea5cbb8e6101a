package dev.storefn.platform.dispatch;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.operation.Transaction.Mode.ONE;
import static dev.storefn.platform.operation.Transaction.Mode.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.storefn.Storefn;
import dev.storefn.TestDatabase;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.routes.Route;

/** One transaction idiom: every operation says how it uses transactions, and the platform holds it to that. */
@SpringBootTest(classes = Storefn.class)
class TransactionModesTest {

    static {
        TestDatabase.jdbcUrl();
    }

    record In(String value) {
    }

    static class Silent implements Function<In, String> {
        @Override
        public String apply(In in) {
            return in.value();
        }
    }

    @Transaction(ONE)
    static class ClaimsOneButRunsItsOwn implements Function<In, String> {
        private final Transactions transactions;

        ClaimsOneButRunsItsOwn(Transactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public String apply(In in) {
            return transactions.inOne(in::value);
        }
    }

    @Transaction(OWN)
    static class RunsItsOwn extends ClaimsOneButRunsItsOwn {
        RunsItsOwn(Transactions transactions) {
            super(transactions);
        }
    }

    @Autowired
    Transactions transactions;

    @Test
    void anOperationThatDoesNotSayHowItUsesTransactionsFailsTheStart() {
        assertThatThrownBy(() -> RoutePaths.transactionMode(Route.of("POST", "/silent/", Silent.class, ANONYMOUS, "")))
                .hasMessageContaining(Silent.class.getName()).hasMessageContaining("@Transaction(ONE), @Transaction(OWN) or @Transaction(NONE)");
    }

    @Test
    void anOperationThatTakesTransactionsMustSayItRunsItsOwn() {
        assertThatThrownBy(() -> RoutePaths.transactionMode(Route.of("POST", "/own/", ClaimsOneButRunsItsOwn.class, ANONYMOUS, "")))
                .hasMessageContaining("must say @Transaction(OWN), not ONE");
        assertThat(RoutePaths.transactionMode(Route.of("POST", "/own/", RunsItsOwn.class, ANONYMOUS, ""))).isEqualTo(OWN);
    }

    /** What the start-up check cannot see (a collaborator that opens its own) is refused when it runs. */
    @Test
    void aTransactionOfItsOwnInsideAnotherIsRefused() {
        assertThat(transactions.inOne(() -> "alone")).isEqualTo("alone");
        assertThatThrownBy(() -> transactions.inOne(() -> transactions.inOne(() -> "nested")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must say @Transaction(OWN)");
    }
}
