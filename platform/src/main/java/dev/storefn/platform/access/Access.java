package dev.storefn.platform.access;

/** Who may call a route. Ownership of a resource is checked by the operation itself. */
public enum Access {
    /** Anyone, signed in or not (a blocked user's token is still refused). */
    ANONYMOUS("anon"),
    /**
     * Anyone, with no authentication at all: the operation reads the tokens it is given itself. Logging out is
     * such a route, so that a blocked user can end a session too (it would come back on unblocking).
     */
    ANYONE("anyone"),
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
