package dev.storefn.platform.provider;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import dev.storefn.platform.Misconfiguration;

/**
 * Every call to a provider passes here. It refuses a call made inside a transaction or while a pooled
 * connection is held (a hung provider would hold rows and connections that every shopper needs). Calls from
 * requests are bounded in number per provider ({@link Provider#requestSlots}); provider actions are bounded by
 * the few threads that run them. A provider that keeps failing (half of its last calls, or calls that end at
 * the time limit) is left alone for {@code PROVIDER_RETRY_AFTER}: callers are refused at once instead of
 * waiting on it, then one call tries it again. Each call's time is bounded by the SDKs' own timeouts, set from
 * {@link #timeout()} ({@code PROVIDER_TIMEOUT}).
 */
@Component
public class ProviderGates {

    private static final ThreadLocal<Boolean> ACTION_THREAD = new ThreadLocal<>();

    private final Duration timeout;
    private final Duration retryAfter;
    private final Map<Provider, CircuitBreaker> breakers = new EnumMap<>(Provider.class);
    private final Map<Provider, Bulkhead> requestSlots = new EnumMap<>(Provider.class);

    public ProviderGates(@Value("${PROVIDER_TIMEOUT:PT10S}") Duration timeout,
            @Value("${PROVIDER_RETRY_AFTER:PT15S}") Duration retryAfter) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new Misconfiguration("PROVIDER_TIMEOUT must be a positive duration, such as PT10S");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new Misconfiguration("PROVIDER_RETRY_AFTER must be a positive duration, such as PT15S");
        }
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(retryAfter)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A provider that answers "no" is working; only calls that got no answer count against it.
                .recordException(failure -> !(failure instanceof ProviderFailed failed && failed.lasting()))
                .build();
        for (Provider provider : Provider.values()) {
            String name = provider.name().toLowerCase(Locale.ROOT);
            breakers.put(provider, CircuitBreaker.of(name, breaker));
            requestSlots.put(provider, Bulkhead.of(name, BulkheadConfig.custom()
                    .maxConcurrentCalls(provider.requestSlots).maxWaitDuration(Duration.ZERO).build()));
        }
    }

    /** The longest one call may wait for a provider's answer; the SDKs' read timeouts. */
    public Duration timeout() {
        return timeout;
    }

    /** How long a failing provider is left alone, and a failed provider action waits, before the next try. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** How long a connection to a provider may take to open. */
    public Duration connectTimeout() {
        return timeout.compareTo(Duration.ofSeconds(3)) < 0 ? timeout : Duration.ofSeconds(3);
    }

    /**
     * Calls the provider: {@code call} throws {@link ProviderFailed} when the provider fails. Throws
     * {@link ProviderBusy} without calling when the provider is failing or its request slots are taken.
     */
    public <T> T call(Provider provider, Supplier<T> call) {
        requireNothingHeld(provider);
        CircuitBreaker breaker = breakers.get(provider);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, call);
        if (!Boolean.TRUE.equals(ACTION_THREAD.get())) {
            guarded = Bulkhead.decorateSupplier(requestSlots.get(provider), guarded);
        }
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new ProviderBusy(provider, "it has been failing", Math.max(1, retryAfter.toSeconds()));
        } catch (BulkheadFullException full) {
            throw new ProviderBusy(provider, provider.requestSlots + " calls are waiting on it already", 5);
        }
    }

    /** Whether the provider has been failing: its calls are refused at once, or only a trial call is let through. */
    public boolean failing(Provider provider) {
        return breakers.get(provider).getState() != CircuitBreaker.State.CLOSED;
    }

    /** Runs a provider action: its calls take no request slot (the few action threads bound them). */
    <T> T asAction(Supplier<T> action) {
        ACTION_THREAD.set(Boolean.TRUE);
        try {
            return action.get();
        } finally {
            ACTION_THREAD.remove();
        }
    }

    private static void requireNothingHeld(Provider provider) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.getResourceMap().values().stream().anyMatch(ConnectionHolder.class::isInstance)) {
            throw new IllegalStateException("A call to " + provider + " while a database transaction or connection is held: "
                    + "call providers before or after the transaction, or write a provider action in it");
        }
    }
}
