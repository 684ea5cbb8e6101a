package dev.storefn.platform.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.ScheduledJob;

/**
 * Provider actions, done exactly once. {@link #request} writes the action in the caller's transaction, so it
 * stands or falls with the change that asks for it; once that commits, one of a few threads of this process
 * carries it out at once, outside any transaction, while the request that asked has already been answered.
 * If the provider fails, is slow, or the process dies, the scheduled job ({@link #runOnce}: the runner's
 * timer, Lambda's schedule) tries again, {@code PROVIDER_RETRY_AFTER} later and twice as long after each
 * failure, up to {@link #LONGEST_WAIT}, until the provider answers. An attempt leases its action, so two
 * processes never carry out one at the same time; the action's idempotency key makes a repeat at the
 * provider (after a lease ran out in the middle of a call) do nothing more.
 */
@Component
// The last job of a round: what the others asked for (the sweep's checkout ends) is carried out in the same round.
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProviderActions implements ScheduledJob, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderActions.class);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(30);
    /** A round of the job leaves the rest for the next one after this long (Lambda bounds its invocations). */
    static final Duration ROUND = Duration.ofSeconds(45);
    static final int BATCH = 50;

    /** Pending actions, those of them whose last attempt failed, and those failed for good. */
    public record Counts(long pending, long failing, long failed) {
    }

    private final ActionRows rows;
    private final ProviderGates gates;
    private final Transactions transactions;
    private final Map<String, ActionKind> kinds = new HashMap<>();
    private final Duration retryAfter;
    private final Duration lease;
    private final ThreadPoolExecutor soon;

    ProviderActions(ActionRows rows, ProviderGates gates, Transactions transactions, List<ActionKind> kinds) {
        this.rows = rows;
        this.gates = gates;
        this.transactions = transactions;
        kinds.forEach(kind -> this.kinds.merge(kind.name(), kind, (one, other) -> {
            throw new IllegalStateException("Two provider action kinds are named " + kind.name());
        }));
        this.retryAfter = gates.retryAfter();
        // Longer than any one attempt can take (a connection opened, then an answer awaited), twice over.
        this.lease = gates.connectTimeout().plus(gates.timeout()).multipliedBy(2).plusSeconds(10);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("provider-action-");
        threads.setDaemon(true);
        // Two threads: a provider that hangs holds two of them and nothing else; what does not fit in the
        // queue is left to the scheduled job.
        this.soon = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), threads,
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * Asks for an action: written in the current transaction (at once without one) and carried out once that
     * commits. A second request with the same key is the first one.
     */
    public void request(ActionKind kind, String subject, Long orderId, String idempotencyKey) {
        if (kinds.get(kind.name()) != kind) {
            throw new IllegalArgumentException("Not a provider action kind of this context: " + kind.name());
        }
        Optional<Long> id = rows.insert(kind.name(), subject, orderId, idempotencyKey);
        if (id.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runSoon(id.get());
                }
            });
        } else {
            runSoon(id.get());
        }
    }

    private void runSoon(long id) {
        soon.execute(() -> {
            try {
                perform(id);
            } catch (RuntimeException e) {
                log.warn("Provider action {} could not be carried out now; the scheduled job tries again: {}", id, e.toString());
            }
        });
    }

    /** One round: every due action that nobody holds, until {@link #ROUND} has passed. */
    @Override
    public String runOnce() {
        Instant end = Instant.now().plus(ROUND);
        int attempted = 0;
        for (long id : rows.due(BATCH)) {
            if (Instant.now().isAfter(end)) {
                break;
            }
            if (perform(id).isPresent()) {
                attempted++;
            }
        }
        Counts counts = counts();
        return "provider actions: " + attempted + " attempted; " + counts.pending() + " pending (" + counts.failing()
                + " failing), " + counts.failed() + " failed for good";
    }

    public Counts counts() {
        return rows.counts();
    }

    /** One attempt at the action, if it is due and free; how it ended. Holds no transaction while the provider works. */
    Optional<ActionKind.Outcome> perform(long id) {
        Optional<PendingAction> claimed = rows.claim(id, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        PendingAction action = claimed.get();
        ActionKind kind = kinds.get(action.kind());
        if (kind == null) {
            return Optional.of(finish(action, null, Instant.now(), new ActionKind.Outcome(ActionKind.Outcome.State.RETRY, null,
                    "No action kind " + action.kind() + " in this version of storefn")));
        }
        Instant started = Instant.now();
        ActionKind.Outcome outcome;
        try {
            outcome = gates.asAction(() -> new ActionKind.Outcome(ActionKind.Outcome.State.DONE, kind.perform(action), null));
        } catch (ProviderBusy busy) {
            rows.release(action, Duration.ofSeconds(busy.retryAfterSeconds()));
            return Optional.empty();
        } catch (ProviderFailed failed) {
            outcome = new ActionKind.Outcome(failed.lasting() ? ActionKind.Outcome.State.FAILED : ActionKind.Outcome.State.RETRY,
                    null, failed.getMessage());
        } catch (RuntimeException unexpected) {
            log.error("Provider action {} ({}) failed unexpectedly", action.id(), action.kind(), unexpected);
            outcome = new ActionKind.Outcome(ActionKind.Outcome.State.RETRY, null, unexpected.toString());
        }
        return Optional.of(finish(action, kind, started, outcome));
    }

    private ActionKind.Outcome finish(PendingAction action, ActionKind kind, Instant started, ActionKind.Outcome outcome) {
        Instant next = outcome.state() == ActionKind.Outcome.State.RETRY ? Instant.now().plus(wait(action.attempt())) : null;
        transactions.inOne(() -> {
            boolean ours = rows.finish(action, outcome, next);
            rows.recordAttempt(action, started, ours ? outcome.state().name().toLowerCase(java.util.Locale.ROOT) : "stale",
                    outcome.error() != null ? outcome.error() : outcome.result());
            if (ours && kind != null) {
                kind.settled(action, outcome);
            }
            return null;
        });
        switch (outcome.state()) {
            case DONE -> log.info("provider action {} {} done: {}", action.id(), action.kind(), outcome.result());
            case RETRY -> log.warn("provider action {} {} attempt {} failed; next attempt at {}: {}", action.id(), action.kind(),
                    action.attempt(), next, outcome.error());
            case FAILED -> log.error("provider action {} {} failed for good after {} attempts: {}", action.id(), action.kind(),
                    action.attempt(), outcome.error());
        }
        return outcome;
    }

    /** PROVIDER_RETRY_AFTER after the first failure, twice as long after each next one, a fifth more or less. */
    private Duration wait(int attempt) {
        Duration doubled = retryAfter.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (wait.toMillis() * jitter));
    }

    /** Lets attempts under way finish for a moment; whatever is cut short is tried again when its lease runs out. */
    @Override
    public void destroy() throws InterruptedException {
        soon.shutdown();
        soon.awaitTermination(5, TimeUnit.SECONDS);
    }
}
