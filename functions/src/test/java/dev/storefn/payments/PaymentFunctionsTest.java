package dev.storefn.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.storefn.FunctionsTest;
import dev.storefn.Storefn;
import dev.storefn.platform.operation.Refusal;

/** The payment functions called with plain records (without Stripe configured: no secret key, a webhook secret). */
@SpringBootTest(classes = Storefn.class, properties = "STRIPE_WEBHOOK_SECRET=whsec_direct_test")
class PaymentFunctionsTest extends FunctionsTest {

    @Autowired
    StripeWebhook webhook;

    @Autowired
    ExpireOverdueCheckouts sweep;

    @Test
    void aWebhookWithoutAValidSignatureIsRefusedAndTheSweepHasNothingToDoWithoutStripe() {
        byte[] payload = "{\"id\": \"evt_1\", \"type\": \"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> webhook.apply(new StripeWebhook.Input(payload, "t=1,v1=00")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.getMessage()).isEqualTo(StripeWebhook.INVALID));
        assertThatThrownBy(() -> webhook.apply(new StripeWebhook.Input(payload, null))).isInstanceOf(Refusal.class);
        assertThat(sweep.apply(new ExpireOverdueCheckouts.Input())).isEqualTo(new ExpireOverdueCheckouts.Swept(0));
    }
}
