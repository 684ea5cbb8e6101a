package dev.storefn.runner.cli;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints why storefn could not start as one line on standard error, instead of Spring Boot's report block and
 * the chain of bean failures behind it; with {@code --debug} ({@link Main#DEBUG}) the whole trace follows.
 */
class OneLineFailureReport implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("storefn: " + analysis.getDescription() + (analysis.getAction().isEmpty() ? "" : " " + analysis.getAction()));
        if (Boolean.getBoolean(Main.DEBUG)) {
            analysis.getCause().printStackTrace();
        }
    }
}
