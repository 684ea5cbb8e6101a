package dev.storefn.payments;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.stripe.model.checkout.Session;

import dev.storefn.orders.OrderPayments;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Query;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.provider.ProviderBusy;
import dev.storefn.platform.provider.ProviderFailed;

/**
 * {@code GET /api/orders/verify-payment/?session_id=...}: the storefront's return from Stripe. The session must be
 * the one stored on the caller's order; a paid session marks the order paid, as the webhook would.
 */
@Component
// Stripe is asked outside any transaction; what it says is recorded in one of its own.
@Transaction(OWN)
class VerifyPayment implements Function<VerifyPayment.Input, VerifyPayment.Verified> {

    @Doc("The session must be the one stored on one of the caller's orders (else 404 `Order not found`); a paid one marks the"
            + " order paid, as the webhook would. Without STRIPE_SECRET_KEY, 503.")
    record Input(Caller caller,
            @Doc(value = "The Checkout Session id Stripe added to the success URL; missing: 400 `Missing session_id`",
                    example = "cs_test_a1B2c3D4") @Query String sessionId) {
    }

    record Verified(@Doc(value = "The order the session pays", example = "102") long orderId,
            @Doc(value = "The order's payment status now", example = "paid", allowed = {"unpaid", "paid"}) String paymentStatus,
            @Doc(value = "The order's status now", example = "processing", allowed = {"processing", "shipped", "delivered", "cancelled"}) String orderStatus,
            @Doc(value = "Whether Stripe says the session is paid", example = "true") boolean paymentVerified) {
    }

    private final StripeCheckouts stripe;
    private final OrderPayments payments;
    private final Transactions transactions;

    VerifyPayment(StripeCheckouts stripe, OrderPayments payments, Transactions transactions) {
        this.stripe = stripe;
        this.payments = payments;
        this.transactions = transactions;
    }

    private static final java.util.regex.Pattern CHECKOUT_SESSION_ID = java.util.regex.Pattern.compile("cs_[A-Za-z0-9_]{1,250}");

    @Override
    public Verified apply(Input input) {
        if (input.sessionId() == null) {
            throw Refusal.refused("Missing session_id");
        }
        if (!stripe.configured()) {
            throw Refusal.error(Refusal.Kind.UNAVAILABLE, "Stripe is not configured");
        }
        // Only what can be a Checkout Session id goes to Stripe: anything else cannot be one, and must not
        // become part of a request to Stripe's API.
        if (!CHECKOUT_SESSION_ID.matcher(input.sessionId()).matches()) {
            throw Refusal.refused("Invalid session_id");
        }
        Session session;
        try {
            session = stripe.retrieve(input.sessionId()).orElseThrow(() -> Refusal.refused("Invalid session_id"));
        } catch (ProviderFailed e) {
            throw Refusal.error(Refusal.Kind.UPSTREAM_FAILED, "Payment provider unavailable");
        } catch (ProviderBusy e) {
            throw Refusal.error(Refusal.Kind.UNAVAILABLE, "Payment provider unavailable").retryAfter(e.retryAfterSeconds());
        }
        String orderIdText = session.getMetadata() == null ? null : session.getMetadata().get("order_id");
        if (orderIdText == null || !orderIdText.matches("[0-9]{1,18}")) {
            throw Refusal.refused("Order metadata missing");
        }
        long orderId = Long.parseLong(orderIdText);
        payments.find(orderId)
                .filter(order -> order.userId() == input.caller().userId() && session.getId().equals(order.sessionId()))
                .orElseThrow(() -> Refusal.error(Refusal.Kind.NOT_FOUND, "Order not found"));
        boolean paid = "paid".equals(session.getPaymentStatus());
        if (paid && session.getAmountTotal() != null) {
            transactions.inOne(() -> payments.paid(orderId, session.getId(), session.getAmountTotal(), session.getCurrency(),
                    session.getPaymentIntent()));
        }
        OrderPayments.Payable now = payments.find(orderId).orElseThrow();
        return new Verified(orderId, now.paymentStatus(), now.orderStatus(), paid);
    }
}
