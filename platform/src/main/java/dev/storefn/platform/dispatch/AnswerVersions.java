package dev.storefn.platform.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import dev.storefn.platform.operation.AnswerVersion;

/**
 * The versions cached answers are checked against ({@link AnswerVersion}): asked of the database on every request,
 * unless a long-lived process polls them ({@link #poll}: the web runner does, every {@code ANSWER_VERSION_POLL_MS}).
 * Then a request takes the last read while it is younger than three polls and no transaction has committed in this
 * process since it was made, and asks the database nothing before its cached answer. So a change committed here is
 * seen by the very next request, and one committed by another process (another instance, an import, psql) within
 * three polls. When the polls stop (the database unreachable, the process paused) the reads age out and every
 * request asks again. A Lambda instance never polls: nothing runs between its invocations.
 */
@Component
public class AnswerVersions implements TransactionExecutionListener {

    /** A version as read, with this process's commits before the read and when the read began. */
    private record Read(long version, long commits, long at) {
    }

    private final Map<AnswerVersion, Read> reads = new ConcurrentHashMap<>();
    private final AtomicLong commits = new AtomicLong();
    /** How long a read stands, in nanoseconds; 0 while nobody polls. */
    private volatile long trusted;

    /** The current {@code version}, or a read of it recent enough to stand for it. */
    long current(AnswerVersion version) {
        long trust = trusted;
        if (trust == 0) {
            return version.current();
        }
        long commitsBefore = commits.get();
        long now = System.nanoTime();
        Read read = reads.get(version);
        if (read != null && read.commits() == commitsBefore && now - read.at() < trust) {
            return read.version();
        }
        return read(version, commitsBefore, now);
    }

    /** One poll, made {@code every} so often: each version requests have asked for is read again. */
    public void poll(Duration every) {
        trusted = every.multipliedBy(3).toNanos();
        for (AnswerVersion version : reads.keySet()) {
            read(version, commits.get(), System.nanoTime());
        }
    }

    /** No more polls: every request asks the database again. */
    public void stopPolling() {
        trusted = 0;
    }

    private long read(AnswerVersion version, long commitsBefore, long at) {
        long value = version.current();
        reads.put(version, new Read(value, commitsBefore, at));
        return value;
    }

    /** Any transaction committed here may have changed what a version counts: the next request reads it afresh. */
    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        commits.incrementAndGet();
    }
}
