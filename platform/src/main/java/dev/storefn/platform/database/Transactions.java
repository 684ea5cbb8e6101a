package dev.storefn.platform.database;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for the operations that run their own ({@code @Transaction(OWN)}): several, with a call off the
 * box between them that must hold no lock. Opening one inside another is refused: the caller was declared to
 * run in one, and would hold its locks across whatever it does between.
 */
@Component
public class Transactions {

    private final TransactionTemplate template;

    Transactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    /** Runs {@code work} in a transaction of its own, which commits if it returns. */
    public <T> T inOne(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Transactions.inOne inside a transaction: the operation that called it runs its own"
                    + " transactions and must say @Transaction(OWN)");
        }
        return template.execute(status -> work.get());
    }
}
