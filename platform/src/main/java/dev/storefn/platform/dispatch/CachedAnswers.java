package dev.storefn.platform.dispatch;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.AnswerVersion;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Serialised answers of cached routes ({@link Route#cachedUntilChanged}), each labelled with the version of
 * its data read before it was made, and served again only while a fresh read of that version gives the same
 * number. Every process and Lambda instance keeps its own and checks the version on each request ({@link
 * AnswerVersions}: asked of the database, or in a process that polls it, the last poll while no transaction has
 * committed here since), so a change committed anywhere is seen everywhere. Bounded in bytes: past the bound
 * everything is dropped and refilled. One answer is made at a time per key: after a change, the requests
 * that find it stale wait for the first one's answer instead of each building the whole catalog at once.
 */
@Component
class CachedAnswers {

    private record Entry(long version, WireResponse answer, long bytes) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Locks for making answers, by key hash: bounded, whatever keys callers make up. */
    private final Object[] making = new Object[64];
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final AnswerVersions versions;

    CachedAnswers(@Value("${STOREFN_ANSWER_CACHE_MB:8}") long maxMegabytes, AnswerVersions versions) {
        this.maxBytes = maxMegabytes * 1024 * 1024;
        this.versions = versions;
        Arrays.setAll(making, i -> new Object());
    }

    /** The answer to {@code request} of a route whose answers {@code version} versions. */
    WireResponse answer(AnswerVersion version, WireRequest request, Supplier<WireResponse> make) {
        if (maxBytes <= 0) {
            return make.get();
        }
        long current = versions.current(version);
        String key = key(request);
        Entry entry = entries.get(key);
        if (entry != null && entry.version() >= current) {
            return entry.answer();
        }
        synchronized (making[key.hashCode() & (making.length - 1)]) {
            // Another request may have made it while this one waited.
            entry = entries.get(key);
            if (entry != null && entry.version() >= current) {
                return entry.answer();
            }
            WireResponse answer = make.get();
            if (answer.status() == 200 && answer.header("Set-Cookie") == null) {
                keep(key, new Entry(current, answer, answer.body().length + 2L * key.length() + 256));
            }
            return answer;
        }
    }

    private void keep(String key, Entry entry) {
        if (bytes.addAndGet(entry.bytes()) > maxBytes) {
            entries.clear();
            bytes.set(entry.bytes());
        }
        Entry replaced = entries.put(key, entry);
        if (replaced != null) {
            bytes.addAndGet(-replaced.bytes());
        }
    }

    /** What an answer may depend on besides the data: the path and query, and the host its links point to. */
    private static String key(WireRequest request) {
        return request.path() + '?' + QueryStrings.encode(request.query()) + ' ' + request.header("host") + ' '
                + request.header("x-forwarded-proto");
    }
}
