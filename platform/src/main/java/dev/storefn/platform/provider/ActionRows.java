package dev.storefn.platform.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code provider_actions} and their attempts. */
@Repository
class ActionRows {

    private static final int TEXT = 1000;

    private final JdbcClient jdbc;

    ActionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new action's id; empty when an action with this key exists already (it is that one). */
    Optional<Long> insert(String kind, String subject, Long orderId, String key) {
        return jdbc.sql("INSERT INTO provider_actions (kind, subject, order_id, idempotency_key) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id")
                .params(kind, subject, orderId, key).query(Long.class).optional();
    }

    /** Pending actions whose time has come and that nobody holds, oldest first. */
    List<Long> due(int limit) {
        return jdbc.sql("SELECT id FROM provider_actions WHERE state = 'pending' AND next_attempt_at <= now()"
                + " AND (leased_until IS NULL OR leased_until < now()) ORDER BY next_attempt_at LIMIT ?")
                .param(limit).query(Long.class).list();
    }

    /** Takes the action for {@code lease} if it is due and nobody holds it: one attempt more. */
    Optional<PendingAction> claim(long id, Duration lease) {
        return jdbc.sql("UPDATE provider_actions SET attempts = attempts + 1, leased_until = now() + make_interval(secs => ?)"
                + " WHERE id = ? AND state = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())"
                + " RETURNING id, kind, subject, order_id, idempotency_key, attempts")
                .params((double) lease.toMillis() / 1000, id)
                .query((rs, row) -> {
                    long order = rs.getLong("order_id");
                    return new PendingAction(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.wasNull() ? null : order,
                            rs.getString("idempotency_key"), rs.getInt("attempts"));
                }).optional();
    }

    /** Gives an action back untried (its provider was not called), to be tried after {@code after}. */
    void release(PendingAction action, Duration after) {
        jdbc.sql("UPDATE provider_actions SET attempts = attempts - 1, leased_until = NULL,"
                + " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ? AND attempts = ? AND state = 'pending'")
                .params((double) after.toSeconds(), action.id(), action.attempt()).update();
    }

    /**
     * Records how the attempt ended, if the action is still this attempt's (a lease that ran out may have passed
     * it to another); whether it was.
     */
    boolean finish(PendingAction action, ActionKind.Outcome outcome, Instant nextAttempt) {
        String state = switch (outcome.state()) {
            case DONE -> "done";
            case FAILED -> "failed";
            case RETRY -> "pending";
        };
        return jdbc.sql("UPDATE provider_actions SET state = ?, leased_until = NULL, result = coalesce(?, result),"
                + " last_error = coalesce(?, last_error), next_attempt_at = coalesce(?, next_attempt_at),"
                + " finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE now() END"
                + " WHERE id = ? AND attempts = ? AND state = 'pending'")
                .params(state, clip(outcome.result(), 500), clip(outcome.error(), TEXT),
                        nextAttempt == null ? null : java.sql.Timestamp.from(nextAttempt), state, action.id(), action.attempt())
                .update() == 1;
    }

    void recordAttempt(PendingAction action, Instant started, String outcome, String detail) {
        jdbc.sql("INSERT INTO provider_action_attempts (action_id, attempt, started_at, finished_at, outcome, detail)"
                + " VALUES (?, ?, ?, now(), ?, ?) ON CONFLICT DO NOTHING")
                .params(action.id(), action.attempt(), java.sql.Timestamp.from(started), outcome, clip(detail, TEXT)).update();
    }

    /** Pending actions, those of them whose last attempt failed, and actions failed for good. */
    ProviderActions.Counts counts() {
        return jdbc.sql("SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'pending' AND last_error IS NOT NULL),"
                + " count(*) FILTER (WHERE state = 'failed') FROM provider_actions WHERE state <> 'done'")
                .query((rs, row) -> new ProviderActions.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
