package dev.storefn.platform;

/**
 * A setting the operator must fix before storefn can start: its message is one line saying what is wrong and
 * what to set or do, which the command line prints as it is (the stack trace only with {@code --debug}).
 */
public class Misconfiguration extends RuntimeException {

    public Misconfiguration(String message) {
        super(message, null, false, false);
    }
}
