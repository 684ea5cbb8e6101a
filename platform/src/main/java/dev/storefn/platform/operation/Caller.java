package dev.storefn.platform.operation;

/** Who is calling: a signed-in user (with the session their token belongs to) or nobody. */
public record Caller(Long userId, String email, boolean staff, String sessionId) {

    public static final Caller ANONYMOUS = new Caller(null, null, false, null);

    public boolean authenticated() {
        return userId != null;
    }
}
