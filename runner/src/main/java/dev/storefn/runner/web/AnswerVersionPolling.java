package dev.storefn.runner.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.storefn.platform.Misconfiguration;
import dev.storefn.platform.dispatch.AnswerVersions;

/**
 * The server reads the versions of its cached answers on a thread of their own, every {@code ANSWER_VERSION_POLL_MS}
 * (default 100; 0: every request reads them), so that a product read asks the database nothing. Its own thread, not
 * the scheduled jobs', which may wait on a provider for seconds.
 */
@Component
@ConditionalOnWebApplication
class AnswerVersionPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnswerVersionPolling.class);

    private final AnswerVersions versions;
    private final Duration every;
    private ScheduledExecutorService poller;

    AnswerVersionPolling(AnswerVersions versions, @Value("${ANSWER_VERSION_POLL_MS:100}") long everyMillis) {
        if (everyMillis < 0) {
            throw new Misconfiguration("ANSWER_VERSION_POLL_MS must be 0 (read on every request) or a number of milliseconds");
        }
        this.versions = versions;
        this.every = Duration.ofMillis(everyMillis);
    }

    @Override
    public synchronized void start() {
        if (every.isZero() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "answer-versions");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollOnce() {
        try {
            versions.poll(every);
        } catch (RuntimeException e) {
            // The reads age out meanwhile, and requests ask the database themselves.
            log.debug("reading the answer versions failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
        versions.stopPolling();
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
