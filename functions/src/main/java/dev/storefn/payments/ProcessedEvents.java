package dev.storefn.payments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook events already applied, recorded in the transaction of their effect: each applies at most once. */
@Repository
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; a concurrent duplicate waits for the first and then sees it. */
    boolean firstTime(String eventId, String type) {
        return jdbc.sql("INSERT INTO processed_webhook_events (event_id, event_type) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, type).update() == 1;
    }
}
