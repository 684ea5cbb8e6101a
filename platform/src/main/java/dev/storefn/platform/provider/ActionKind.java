package dev.storefn.platform.provider;

/**
 * One kind of provider action (a Stripe refund, a checkout's end, an image's removal): what it does at the
 * provider, and what the outcome changes here. A feature declares its kinds as beans and asks for them with
 * {@link ProviderActions#request}.
 */
public interface ActionKind {

    /** The kind's name in {@code provider_actions.kind}, such as {@code stripe.refund}. */
    String name();

    /**
     * Does it at the provider, outside any transaction, sending {@link PendingAction#idempotencyKey()} where the
     * provider takes one, so that a repeat does nothing more. Answers what to keep as the result (the refund's id);
     * throws {@link ProviderFailed} when the provider fails, {@link ProviderBusy} when it was not called.
     */
    String perform(PendingAction action);

    /** In the transaction that records how an attempt ended: what that means for the feature's own rows. */
    default void settled(PendingAction action, Outcome outcome) {
    }

    /** How an attempt ended: done (with its result), to be tried again, or failed for good (with the provider's words). */
    record Outcome(State state, String result, String error) {

        public Outcome {
            // As much of the provider's words as a row keeps.
            error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        }

        public enum State {
            DONE, RETRY, FAILED
        }
    }
}
