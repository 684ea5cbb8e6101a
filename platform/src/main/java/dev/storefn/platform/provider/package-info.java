/**
 * Calls to providers off the box (Stripe, Cloudinary, Google's keys) and the actions a state change asks of
 * them. The rule: nothing off the box is called while a database transaction is open, a row lock is held or a
 * pooled connection is checked out; {@link dev.storefn.platform.provider.ProviderGates} refuses such a call,
 * bounds each provider's calls in time and in number, and refuses at once while a provider keeps failing.
 * What a change asks of a provider (a refund, a checkout's end, a replaced image's removal) is written as a
 * {@code provider_actions} row in the change's transaction and carried out after it commits, retried until the
 * provider answers, under one idempotency key ({@link dev.storefn.platform.provider.ProviderActions}).
 */
package dev.storefn.platform.provider;
