package dev.storefn.platform.database;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for the few operations that must work across several (a call to a payment provider between
 * them, which must hold no locks). Routes run in one transaction by default; those say {@code withoutTransaction}.
 */
@Component
public class Transactions {

    private final TransactionTemplate template;

    Transactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    /** Runs {@code work} in a transaction of its own, which commits if it returns. */
    public <T> T inOne(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
