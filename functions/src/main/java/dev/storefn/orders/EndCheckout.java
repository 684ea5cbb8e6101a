package dev.storefn.orders;

import org.springframework.stereotype.Component;

import dev.storefn.platform.provider.ActionKind;
import dev.storefn.platform.provider.PendingAction;

/** The end of a cancelled card order's open checkout, so nobody pays it after all; its subject is the session. */
@Component
class EndCheckout implements ActionKind {

    private final Checkouts checkouts;

    EndCheckout(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public String name() {
        return "stripe.expire-checkout";
    }

    static String key(String sessionId) {
        return "storefn-session-" + sessionId + "-expire";
    }

    @Override
    public String perform(PendingAction action) {
        checkouts.expire(action.subject(), action.idempotencyKey());
        return "expired";
    }
}
