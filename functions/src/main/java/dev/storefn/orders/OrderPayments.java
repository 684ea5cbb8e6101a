package dev.storefn.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.storefn.platform.provider.ProviderActions;

/**
 * What the payments feature may do to orders, and what cancelling means for a card order. A payment is
 * applied only if its amount and currency are the order's; a payment that lands on a cancelled order is
 * refunded; a cancelled unpaid card order has its checkout ended, a paid one its payment refunded. All within
 * the caller's transaction: what the provider must do is asked for as a provider action, carried out once the
 * transaction commits, so nobody waits on the provider while rows are locked.
 */
@Service
public class OrderPayments {

    /** An order as a payment sees it. */
    public record Payable(long orderId, long userId, String orderStatus, String paymentStatus, String sessionId) {
    }

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final ProviderActions actions;
    private final RefundPayment refund;
    private final EndCheckout endCheckout;

    OrderPayments(OrderRepository orders, OrderLifecycle lifecycle, ProviderActions actions, RefundPayment refund,
            EndCheckout endCheckout) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.actions = actions;
        this.refund = refund;
        this.endCheckout = endCheckout;
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

    /** Cancels an overdue order if it is still unpaid, once, and has its checkout ended at the provider. */
    public boolean expireOverdue(long orderId) {
        Optional<OrderRepository.State> state = orders.state(orderId);
        if (state.isEmpty() || !lifecycle.expire(orderId)) {
            return false;
        }
        endCheckout(orderId, state.get().sessionId());
        return true;
    }

    /** After an order was cancelled by its buyer or staff: a card payment is refunded, an open checkout ended. */
    void cancelled(long orderId) {
        OrderRepository.State state = orders.state(orderId).orElseThrow();
        if (state.method() != Order.Method.STRIPE) {
            return;
        }
        if (state.payment() == Order.Payment.PAID && state.paymentIntent() != null) {
            refund(orderId, state.paymentIntent());
        } else if (state.payment() == Order.Payment.UNPAID) {
            endCheckout(orderId, state.sessionId());
        }
    }

    private void refund(long orderId, String paymentIntent) {
        // Marked first, so that of two concurrent cancels only one asks (the key would make the second a no-op anyway).
        if (lifecycle.refundRequested(orderId)) {
            actions.request(refund, paymentIntent, orderId, RefundPayment.key(orderId));
        }
    }

    private void endCheckout(long orderId, String sessionId) {
        if (sessionId != null) {
            actions.request(endCheckout, sessionId, orderId, EndCheckout.key(sessionId));
        }
    }

    /** 1299.99 is 129999: exact, as Stripe counts paise. */
    static long minorUnits(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
