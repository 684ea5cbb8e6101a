package dev.storefn.platform.provider;

/** An action as the process that leased it sees it; {@code attempt} counts from 1. */
public record PendingAction(long id, String kind, String subject, Long orderId, String idempotencyKey, int attempt) {
}
