package dev.storefn.platform.provider;

/** A service off the box that storefn calls over the network; each has a gate of its own. */
public enum Provider {
    STRIPE(4), CLOUDINARY(2), GOOGLE(2);

    /** How many request threads may wait on it at once; more are refused at once rather than queued. */
    final int requestSlots;

    Provider(int requestSlots) {
        this.requestSlots = requestSlots;
    }
}
