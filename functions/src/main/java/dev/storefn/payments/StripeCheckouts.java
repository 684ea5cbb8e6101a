package dev.storefn.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import dev.storefn.orders.Checkouts;
import dev.storefn.platform.Misconfiguration;
import dev.storefn.platform.provider.Provider;
import dev.storefn.platform.provider.ProviderFailed;
import dev.storefn.platform.provider.ProviderGates;

/**
 * Checkouts through Stripe (stripe-java): hosted Checkout Sessions carrying {@code metadata.order_id}, amounts in
 * minor units, an expiry, and an idempotency key on every call that changes something. Every call passes the
 * Stripe gate and waits at most {@code PROVIDER_TIMEOUT}; the SDK does not retry on its own (a refund or an
 * expiry is retried as a provider action; a checkout is the buyer's to retry). {@code STRIPE_API_BASE} sends
 * the SDK to another host (the tests' stand-in of Stripe).
 */
@Component
class StripeCheckouts implements Checkouts {

    private final StripeClient client;
    private final String frontendUrl;
    private final ProviderGates gates;

    StripeCheckouts(@Value("${STRIPE_SECRET_KEY:}") String secretKey, @Value("${STRIPE_WEBHOOK_SECRET:}") String webhookSecret,
            @Value("${STRIPE_API_BASE:https://api.stripe.com}") String apiBase, @Value("${FRONTEND_URL:http://localhost:5173}") String frontendUrl,
            ProviderGates gates) {
        checkSettings(secretKey, webhookSecret);
        this.gates = gates;
        this.client = secretKey.isBlank() ? null : StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase)
                .setConnectTimeout((int) gates.connectTimeout().toMillis()).setReadTimeout((int) gates.timeout().toMillis())
                .setMaxNetworkRetries(0).build();
        this.frontendUrl = frontendUrl.endsWith("/") ? frontendUrl.substring(0, frontendUrl.length() - 1) : frontendUrl;
    }

    /**
     * Card payments need both: without the webhook a paid checkout whose buyer never came back would be taken
     * for abandoned and cancelled. A webhook secret alone is harmless (card orders answer 503).
     */
    static void checkSettings(String secretKey, String webhookSecret) {
        if (!secretKey.isBlank() && webhookSecret.isBlank()) {
            throw new Misconfiguration("STRIPE_SECRET_KEY is set without STRIPE_WEBHOOK_SECRET: set the webhook's signing secret"
                    + " (whsec_..., Stripe Dashboard > Developers > Webhooks) too, or unset both for cash on delivery only");
        }
        if (!secretKey.isBlank() && !secretKey.startsWith("sk_") && !secretKey.startsWith("rk_")) {
            throw new Misconfiguration("STRIPE_SECRET_KEY is not a secret key: set it to the sk_live_... (or sk_test_...) key,"
                    + " not the publishable pk_... one");
        }
        if (!webhookSecret.isBlank() && !webhookSecret.startsWith("whsec_")) {
            throw new Misconfiguration("STRIPE_WEBHOOK_SECRET is not a webhook signing secret: set it to the endpoint's whsec_... secret");
        }
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
        return gates.call(Provider.STRIPE, () -> {
            try {
                Session session = client.v1().checkout().sessions().create(params.build(),
                        idempotent("storefn-order-" + orderId + "-checkout"));
                return new Checkout(session.getId(), session.getUrl());
            } catch (StripeException e) {
                throw failed("open a checkout for order " + orderId, e);
            }
        });
    }

    @Override
    public void expire(String sessionId, String idempotencyKey) {
        gates.call(Provider.STRIPE, () -> {
            try {
                client.v1().checkout().sessions().expire(sessionId, idempotent(idempotencyKey));
            } catch (RateLimitException e) {
                throw failed("expire checkout " + sessionId, e);
            } catch (InvalidRequestException alreadyEnded) {
                // Only open sessions can be expired: one that is complete or expired already is what we want.
            } catch (StripeException e) {
                throw failed("expire checkout " + sessionId, e);
            }
            return null;
        });
    }

    @Override
    public String refund(String paymentIntentId, String idempotencyKey) {
        return gates.call(Provider.STRIPE, () -> {
            try {
                return client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build(),
                        idempotent(idempotencyKey)).getId();
            } catch (RateLimitException e) {
                throw failed("refund " + paymentIntentId, e);
            } catch (InvalidRequestException e) {
                if ("charge_already_refunded".equals(e.getCode())) {
                    return "already refunded";
                }
                throw failed("refund " + paymentIntentId, e);
            } catch (StripeException e) {
                throw failed("refund " + paymentIntentId, e);
            }
        });
    }

    /** A checkout as Stripe has it now; empty when Stripe does not know the id. */
    Optional<Session> retrieve(String sessionId) {
        return gates.call(Provider.STRIPE, () -> {
            try {
                return Optional.of(client.v1().checkout().sessions().retrieve(sessionId));
            } catch (RateLimitException e) {
                throw failed("find checkout " + sessionId, e);
            } catch (InvalidRequestException unknown) {
                return Optional.empty();
            } catch (StripeException e) {
                throw failed("find checkout " + sessionId, e);
            }
        });
    }

    /**
     * Stripe refused the request itself (a payment that does not exist, a key reused for another request): the
     * same call will never succeed. Anything else (no answer in time, Stripe's own errors, too many requests,
     * a key Stripe does not accept yet) may pass later.
     */
    private static ProviderFailed failed(String what, StripeException e) {
        boolean lasting = (e instanceof InvalidRequestException && !(e instanceof RateLimitException)) || e instanceof IdempotencyException;
        return new ProviderFailed("Stripe could not " + what + ": " + e.getMessage(), lasting, e);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
