package dev.storefn.platform.operation;

/**
 * What an operation's output says about the caller's session, by its type: the platform sets cookie mode's
 * cookies for it, the step chosen at start-up from the route's output type.
 */
public interface SessionOutput {

    /** A session began (sign-up, sign-in): its tokens. */
    interface Started {
        String access();

        String refresh();
    }

    /** The session's access token was renewed. */
    interface Renewed {
        String access();
    }

    /** The session ended (logout). */
    interface Ended {
    }
}
