package dev.storefn.orders;

import java.time.Instant;
import java.util.List;

import dev.storefn.platform.provider.ProviderBusy;
import dev.storefn.platform.provider.ProviderFailed;

/**
 * What orders need of a payment provider (the payments feature provides it, through Stripe): a hosted checkout
 * for an order, ending one, and refunding a payment. Every call changes something at most once per order or
 * per idempotency key. Calls throw {@link ProviderFailed} when the provider fails and {@link ProviderBusy}
 * when it was not called; none may be made inside a transaction.
 */
public interface Checkouts {

    /** Whether card payments can be taken at all (a secret key is configured). */
    boolean configured();

    /** A checkout for the order's lines, open until {@code expiresAt}. */
    Checkout open(long orderId, List<Line> lines, String currency, Instant expiresAt);

    /** Ends an open checkout, so nobody can still pay it; a checkout already ended is fine. */
    void expire(String sessionId, String idempotencyKey);

    /** Refunds the whole payment; the refund's id (a payment refunded already is fine). */
    String refund(String paymentIntentId, String idempotencyKey);

    /** One line as the provider shows it: the unit amount in minor units (paise). */
    record Line(String name, long unitAmount, int quantity) {
    }

    record Checkout(String sessionId, String url) {
    }
}
