package dev.storefn.platform.provider;

/**
 * A provider did not do what was asked: it could not be reached or did not answer in time, or it answered
 * with a failure. {@code lasting}: it refused the call itself (a payment that does not exist), so the same
 * call will never succeed; otherwise trying again later may.
 */
public class ProviderFailed extends RuntimeException {

    private final boolean lasting;

    public ProviderFailed(String message, boolean lasting, Throwable cause) {
        super(message, cause);
        this.lasting = lasting;
    }

    public boolean lasting() {
        return lasting;
    }
}
