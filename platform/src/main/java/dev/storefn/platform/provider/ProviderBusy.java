package dev.storefn.platform.provider;

/**
 * storefn did not call the provider: it has been failing (its circuit is open), or as many requests as may
 * wait on it are waiting already. Nothing was asked of it; the caller may try again after
 * {@link #retryAfterSeconds()}.
 */
public class ProviderBusy extends RuntimeException {

    private final long retryAfterSeconds;

    ProviderBusy(Provider provider, String reason, long retryAfterSeconds) {
        super(provider.name().toLowerCase(java.util.Locale.ROOT) + " not called: " + reason, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
