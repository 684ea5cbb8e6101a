package dev.storefn.platform.operation;

/**
 * Work that runs on a clock rather than on a request (the sweep of abandoned checkouts): the runner runs every
 * job on a timer, Lambda on an EventBridge schedule ({@code template.yaml}), both through the same code.
 */
public interface ScheduledJob {

    /** Does one round of the work; a line saying what it did, for the log. */
    String runOnce();
}
