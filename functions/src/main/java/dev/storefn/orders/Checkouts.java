package dev.storefn.orders;

import java.time.Instant;
import java.util.List;

/**
 * What orders need of a payment provider (the payments feature provides it, through Stripe): a hosted checkout
 * for an order, ending one, and refunding a payment. Every call is idempotent per order.
 */
public interface Checkouts {

    /** Whether card payments can be taken at all (a secret key is configured). */
    boolean configured();

    /** A checkout for the order's lines, open until {@code expiresAt}. */
    Checkout open(long orderId, List<Line> lines, String currency, Instant expiresAt);

    /** Ends an open checkout, so nobody can still pay it; a checkout already ended is fine. */
    void expire(String sessionId);

    /** Refunds the whole payment of an order; the refund's id. */
    String refund(long orderId, String paymentIntentId);

    /** One line as the provider shows it: the unit amount in minor units (paise). */
    record Line(String name, long unitAmount, int quantity) {
    }

    record Checkout(String sessionId, String url) {
    }

    /** The provider could not be reached or refused the call. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
