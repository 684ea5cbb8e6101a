package dev.storefn.payments;

import java.util.Map;

/** The fields storefn reads of a Stripe event about a Checkout Session, whatever the event's API version. */
record StripeEvent(String id, String type, Data data) {

    record Data(CheckoutSession object) {
    }

    record CheckoutSession(String id, String paymentStatus, Long amountTotal, String currency, Map<String, String> metadata,
            String paymentIntent) {

        /** The order the session pays, from its metadata; null when there is none. */
        Long orderId() {
            String id = metadata == null ? null : metadata.get("order_id");
            return id != null && id.matches("[0-9]{1,18}") ? Long.valueOf(id) : null;
        }
    }

    CheckoutSession session() {
        return data == null ? null : data.object();
    }
}
