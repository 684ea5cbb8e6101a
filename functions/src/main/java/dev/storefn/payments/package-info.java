/** Payments: card payments through Stripe Checkout, its signed webhook, payment checks and the sweep of abandoned checkouts. */
@OwnsTables("processed_webhook_events")
package dev.storefn.payments;

import dev.storefn.platform.operation.OwnsTables;
