package dev.storefn.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.storefn.platform.operation.Refusal;

/**
 * What the payments feature may do to orders, and what cancelling means for a card order. A payment is
 * applied only if its amount and currency are the order's; a payment that lands on a cancelled order is
 * refunded; a cancelled unpaid card order has its checkout ended, a paid one its payment refunded.
 * All within the caller's transaction.
 */
@Service
public class OrderPayments {

    /** An order as a payment sees it. */
    public record Payable(long orderId, long userId, String orderStatus, String paymentStatus, String sessionId) {
    }

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final Checkouts checkouts;

    OrderPayments(OrderRepository orders, OrderLifecycle lifecycle, Checkouts checkouts) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.checkouts = checkouts;
    }

    public Optional<Payable> find(long orderId) {
        return orders.state(orderId).map(state -> new Payable(orderId, state.userId(), state.status().wire(), state.payment().wire(),
                state.sessionId()));
    }

    /**
     * A checkout of the order was paid {@code amountMinor} in {@code currency}. Applied once; refused silently
     * (false) when it does not match the order. A payment for a cancelled order goes back.
     */
    public boolean paid(long orderId, String sessionId, long amountMinor, String currency, String paymentIntent) {
        Optional<OrderRepository.State> found = orders.state(orderId);
        if (found.isEmpty()) {
            return false;
        }
        OrderRepository.State state = found.get();
        if (sessionId == null || !sessionId.equals(state.sessionId()) || amountMinor != minorUnits(state.total())
                || currency == null || !currency.toLowerCase(Locale.ROOT).equals(state.currency())) {
            return false;
        }
        Optional<Order.Status> paidWhile = lifecycle.markPaid(orderId, paymentIntent);
        if (paidWhile.isPresent() && paidWhile.get() == Order.Status.CANCELLED && paymentIntent != null) {
            refund(orderId, paymentIntent);
        }
        return paidWhile.isPresent();
    }

    /** The order's checkout ended without payment (expired, or its payment failed): the order is cancelled, once. */
    public boolean checkoutEnded(long orderId) {
        return lifecycle.expire(orderId);
    }

    /** Unpaid card orders whose checkout has been over for a while (the webhook never came). */
    public List<Long> overdue(Instant before, int limit) {
        return orders.overdueCheckouts(before, limit);
    }

    /** Ends an overdue order's checkout at the provider, then cancels the order if it is still unpaid. */
    public boolean expireOverdue(long orderId) {
        Optional<OrderRepository.State> state = orders.state(orderId);
        if (state.isEmpty() || state.get().payment() != Order.Payment.UNPAID || state.get().status() != Order.Status.PROCESSING) {
            return false;
        }
        if (state.get().sessionId() != null) {
            checkouts.expire(state.get().sessionId());
        }
        return lifecycle.expire(orderId);
    }

    /** After an order was cancelled by its buyer or staff: a card payment is refunded, an open checkout ended. */
    void cancelled(long orderId) {
        OrderRepository.State state = orders.state(orderId).orElseThrow();
        if (state.method() != Order.Method.STRIPE) {
            return;
        }
        if (state.payment() == Order.Payment.PAID && state.paymentIntent() != null) {
            refund(orderId, state.paymentIntent());
        } else if (state.payment() == Order.Payment.UNPAID && state.sessionId() != null) {
            try {
                checkouts.expire(state.sessionId());
            } catch (Checkouts.Unavailable e) {
                throw providerUnavailable();
            }
        }
    }

    private void refund(long orderId, String paymentIntent) {
        // Claimed first, so of two concurrent cancels only one asks for the refund (which is idempotent anyway).
        if (lifecycle.markRefunded(orderId, "pending")) {
            try {
                lifecycle.recordRefund(orderId, checkouts.refund(orderId, paymentIntent));
            } catch (Checkouts.Unavailable e) {
                // The whole transaction goes back: the cancel, or the webhook delivery, which Stripe then repeats.
                throw providerUnavailable();
            }
        }
    }

    private static Refusal providerUnavailable() {
        return Refusal.error(Refusal.Kind.UPSTREAM_FAILED, "Payment provider unavailable");
    }

    /** 1299.99 is 129999: exact, as Stripe counts paise. */
    static long minorUnits(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
