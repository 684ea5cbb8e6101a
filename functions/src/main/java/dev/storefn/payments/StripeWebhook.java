package dev.storefn.payments;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import dev.storefn.orders.OrderPayments;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Header;
import dev.storefn.platform.operation.JsonRecords;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code POST /api/orders/webhook/}: Stripe's signed events, verified on the raw body (300 s tolerance). Each
 * event id is applied at most once, in the transaction of its effect: a paid checkout marks its order paid when
 * amount and currency match; an expired checkout, or a failed delayed payment, cancels the unpaid order. Other
 * verified events are acknowledged and ignored.
 */
@Component
@Transaction(ONE)
class StripeWebhook implements Function<StripeWebhook.Input, StripeWebhook.Received> {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);
    static final String INVALID = "Invalid signature or payload";

    @Doc("For Stripe only (subscribe `checkout.session.completed`, `checkout.session.expired`,"
            + " `checkout.session.async_payment_succeeded` and `checkout.session.async_payment_failed`). Each event is applied"
            + " once; a paid checkout marks its order paid when amount and currency match; an expired or failed one cancels the"
            + " unpaid order. A bad signature or payload is 400 `Invalid signature or payload`; without STRIPE_WEBHOOK_SECRET, 503.")
    record Input(@Doc("Stripe's event exactly as Stripe sent it: the signature covers these bytes") byte[] payload,
            @Doc(value = "Stripe's signature of the body, `t=<unix time>,v1=<HMAC-SHA256 hex>`, checked with STRIPE_WEBHOOK_SECRET"
                    + " and at most 300 s old; without it the event is refused",
                    example = "t=1766224800,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")
            @Header("Stripe-Signature") String signature) {
    }

    record Received(@Doc(value = "Always `success`: the event is taken (applied, already applied, or not one storefn acts on)",
            example = "success", allowed = "success") String status) {
    }

    private final String secret;
    private final ProcessedEvents events;
    private final OrderPayments payments;

    StripeWebhook(@Value("${STRIPE_WEBHOOK_SECRET:}") String secret, ProcessedEvents events, OrderPayments payments) {
        this.secret = secret;
        this.events = events;
        this.payments = payments;
    }

    @Override
    public Received apply(Input input) {
        if (secret.isBlank()) {
            throw Refusal.error(Refusal.Kind.UNAVAILABLE, "Stripe is not configured");
        }
        if (input.signature() == null) {
            throw Refusal.refused(INVALID);
        }
        try {
            Webhook.Signature.verifyHeader(new String(input.payload(), StandardCharsets.UTF_8), input.signature(), secret,
                    Webhook.DEFAULT_TOLERANCE);
        } catch (SignatureVerificationException e) {
            throw Refusal.refused(INVALID);
        }
        StripeEvent event = JsonRecords.read(input.payload(), StripeEvent.class, INVALID);
        if (event.id() == null || event.type() == null) {
            throw Refusal.refused(INVALID);
        }
        if (!events.firstTime(event.id(), event.type())) {
            return new Received("success");
        }
        StripeEvent.CheckoutSession session = event.session();
        Long orderId = session == null ? null : session.orderId();
        if (orderId == null || session.id() == null || !event.type().startsWith("checkout.session.")) {
            return new Received("success");
        }
        switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                if ("paid".equals(session.paymentStatus()) && session.amountTotal() != null
                        && !payments.paid(orderId, session.id(), session.amountTotal(), session.currency(), session.paymentIntent())) {
                    log.warn("Stripe event {} for order {} did not apply: already paid, or not this order's checkout and amount",
                            event.id(), orderId);
                }
            }
            case "checkout.session.expired", "checkout.session.async_payment_failed" -> {
                if (payments.find(orderId).filter(order -> session.id().equals(order.sessionId())).isPresent()) {
                    payments.checkoutEnded(orderId);
                }
            }
            default -> {
            }
        }
        return new Received("success");
    }
}
