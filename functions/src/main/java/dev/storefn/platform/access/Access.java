package dev.storefn.platform.access;

/** Who may call a route. Ownership of a resource is checked by the operation itself. */
public enum Access {
    /** Anyone, signed in or not (a blocked user's token is still refused). */
    ANONYMOUS("anon"),
    /** Any signed-in user who is not blocked. */
    USER("user"),
    /** A signed-in user with {@code is_staff}. */
    STAFF("staff");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
