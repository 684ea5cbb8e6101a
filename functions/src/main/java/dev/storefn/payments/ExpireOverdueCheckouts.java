package dev.storefn.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.orders.Checkouts;
import dev.storefn.orders.OrderPayments;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.ScheduledJob;

/**
 * The sweep for when a webhook never comes: unpaid card orders whose checkout ended a while ago are cancelled,
 * their stock restored, once, and their checkout ended at Stripe as a provider action (Stripe ends it itself at
 * its expiry; this makes sure). A function like the others: the runner calls it on a timer, Lambda on a schedule.
 */
@Component
public class ExpireOverdueCheckouts implements Function<ExpireOverdueCheckouts.Input, ExpireOverdueCheckouts.Swept>, ScheduledJob {

    /** Stripe's own expiry webhook usually arrives within seconds; the sweep leaves it that long first. */
    static final Duration GRACE = Duration.ofMinutes(2);
    static final int BATCH = 100;

    public record Input() {
    }

    public record Swept(int expired) {
    }

    private final OrderPayments payments;
    private final Checkouts checkouts;
    private final Transactions transactions;

    ExpireOverdueCheckouts(OrderPayments payments, Checkouts checkouts, Transactions transactions) {
        this.payments = payments;
        this.checkouts = checkouts;
        this.transactions = transactions;
    }

    @Override
    public Swept apply(Input input) {
        if (!checkouts.configured()) {
            return new Swept(0);
        }
        int expired = 0;
        for (long orderId : payments.overdue(Instant.now().minus(GRACE), BATCH)) {
            if (transactions.inOne(() -> payments.expireOverdue(orderId))) {
                expired++;
            }
        }
        return new Swept(expired);
    }

    @Override
    public String runOnce() {
        return "expired " + apply(new Input()).expired() + " overdue checkouts";
    }
}
