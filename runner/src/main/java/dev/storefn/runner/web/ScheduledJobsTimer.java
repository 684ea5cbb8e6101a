package dev.storefn.runner.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.storefn.platform.operation.ScheduledJob;

/** The server's clock: every scheduled job once a minute (on Lambda an EventBridge schedule does this). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class ScheduledJobsTimer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobsTimer.class);

    private final List<ScheduledJob> jobs;

    ScheduledJobsTimer(List<ScheduledJob> jobs) {
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${STOREFN_JOBS_INTERVAL:PT1M}", fixedDelayString = "${STOREFN_JOBS_INTERVAL:PT1M}")
    void runJobs() {
        for (ScheduledJob job : jobs) {
            try {
                log.debug("scheduled job {}: {}", job.getClass().getSimpleName(), job.runOnce());
            } catch (RuntimeException e) {
                log.warn("scheduled job {} failed; it runs again next time: {}", job.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
