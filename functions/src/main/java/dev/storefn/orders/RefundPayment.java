package dev.storefn.orders;

import org.springframework.stereotype.Component;

import dev.storefn.platform.provider.ActionKind;
import dev.storefn.platform.provider.PendingAction;

/**
 * The refund of a cancelled card order's payment, as a provider action: its subject is the payment intent.
 * Its outcome is the order's refund state: refunded with the refund's id, or the provider's last words while
 * it is pending, and failed when the provider refuses it for good.
 */
@Component
class RefundPayment implements ActionKind {

    private final Checkouts checkouts;
    private final OrderLifecycle lifecycle;

    RefundPayment(Checkouts checkouts, OrderLifecycle lifecycle) {
        this.checkouts = checkouts;
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "stripe.refund";
    }

    static String key(long orderId) {
        return "storefn-order-" + orderId + "-refund";
    }

    @Override
    public String perform(PendingAction action) {
        return checkouts.refund(action.subject(), action.idempotencyKey());
    }

    @Override
    public void settled(PendingAction action, Outcome outcome) {
        if (action.orderId() != null) {
            lifecycle.refundSettled(action.orderId(), outcome);
        }
    }
}
