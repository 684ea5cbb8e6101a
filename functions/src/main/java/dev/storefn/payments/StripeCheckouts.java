package dev.storefn.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import dev.storefn.orders.Checkouts;

/**
 * Checkouts through Stripe (stripe-java): hosted Checkout Sessions carrying {@code metadata.order_id}, amounts in
 * minor units, an expiry, and an idempotency key derived from the order on every call that changes something.
 * {@code STRIPE_API_BASE} sends the SDK to another host (the tests' stand-in of Stripe).
 */
@Component
class StripeCheckouts implements Checkouts {

    private final StripeClient client;
    private final String frontendUrl;

    StripeCheckouts(@Value("${STRIPE_SECRET_KEY:}") String secretKey, @Value("${STRIPE_API_BASE:https://api.stripe.com}") String apiBase,
            @Value("${FRONTEND_URL:http://localhost:5173}") String frontendUrl) {
        this.client = secretKey.isBlank() ? null : StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase)
                .setConnectTimeout(5_000).setReadTimeout(15_000).setMaxNetworkRetries(1).build();
        this.frontendUrl = frontendUrl.endsWith("/") ? frontendUrl.substring(0, frontendUrl.length() - 1) : frontendUrl;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public Checkout open(long orderId, List<Line> lines, String currency, Instant expiresAt) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .putMetadata("order_id", Long.toString(orderId))
                .setClientReferenceId(Long.toString(orderId))
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(frontendUrl + "/payment-success?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(frontendUrl + "/payment");
        for (Line line : lines) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity((long) line.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(currency)
                            .setUnitAmount(line.unitAmount())
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(line.name()).build())
                            .build())
                    .build());
        }
        try {
            Session session = client.v1().checkout().sessions().create(params.build(), idempotent("order-" + orderId + "-checkout"));
            return new Checkout(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new Unavailable("Stripe refused to open a checkout for order " + orderId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void expire(String sessionId) {
        try {
            client.v1().checkout().sessions().expire(sessionId, idempotent("session-" + sessionId + "-expire"));
        } catch (InvalidRequestException alreadyEnded) {
            // Only open sessions can be expired: one that is complete or expired already is what we want.
        } catch (StripeException e) {
            throw new Unavailable("Stripe could not expire checkout " + sessionId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String refund(long orderId, String paymentIntentId) {
        try {
            return client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build(),
                    idempotent("order-" + orderId + "-refund")).getId();
        } catch (StripeException e) {
            throw new Unavailable("Stripe could not refund order " + orderId + ": " + e.getMessage(), e);
        }
    }

    /** A checkout as Stripe has it now; empty when Stripe does not know the id. */
    Optional<Session> retrieve(String sessionId) {
        try {
            return Optional.of(client.v1().checkout().sessions().retrieve(sessionId));
        } catch (InvalidRequestException unknown) {
            return Optional.empty();
        } catch (StripeException e) {
            throw new Unavailable("Stripe could not be asked about checkout " + sessionId + ": " + e.getMessage(), e);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey("storefn-" + key).build();
    }
}
