package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.operation.AnswerVersion;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/** The cache of shared reads on its own: kept per version, made once per key at a time, bounded in bytes. */
class CachedAnswersTest {

    /** The data's version, as the database would give it: advanced by the test. */
    static final class TestVersion implements AnswerVersion {
        final AtomicLong version = new AtomicLong();

        @Override
        public long current() {
            return version.get();
        }
    }

    private final TestVersion version = new TestVersion();
    private final AtomicInteger made = new AtomicInteger();

    private static CachedAnswers cache(long megabytes) {
        return new CachedAnswers(megabytes, new AnswerVersions());
    }

    private static WireRequest get(String query) {
        return new WireRequest("GET", "/api/things/", query == null ? Map.of() : Map.of("q", List.of(query)),
                Map.of("Host", List.of("shop.example")), new byte[0], "127.0.0.1");
    }

    private WireResponse answer(CachedAnswers cache, WireRequest request, int status, int bytes) {
        return cache.answer(version, request, () -> {
            made.incrementAndGet();
            return new WireResponse(status, Map.of(), ("v" + version.current() + "x".repeat(bytes)).getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void anAnswerIsMadeAgainOnlyWhenTheVersionMoves() {
        CachedAnswers cache = cache(8);
        assertThat(new String(answer(cache, get(null), 200, 0).body(), StandardCharsets.UTF_8)).isEqualTo("v0");
        answer(cache, get(null), 200, 0);
        assertThat(made).hasValue(1);

        answer(cache, get("other"), 200, 0);
        assertThat(made).as("another query is another answer").hasValue(2);

        version.version.incrementAndGet();
        assertThat(new String(answer(cache, get(null), 200, 0).body(), StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(made).hasValue(3);
    }

    @Test
    void refusalsAndOtherStatusesAreNeverKept() {
        CachedAnswers cache = cache(8);
        answer(cache, get(null), 404, 0);
        answer(cache, get(null), 404, 0);
        assertThat(made).hasValue(2);
    }

    @Test
    void requestsThatFindTheAnswerStaleWaitForOneToMakeIt() throws Exception {
        CachedAnswers cache = cache(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<WireResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> cache.answer(version, get(null), () -> {
                    made.incrementAndGet();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new WireResponse(200, Map.of(), new byte[] {1});
                }));
            }
            for (Future<WireResponse> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).as("eight requests at once, one made the answer").hasValue(1);
    }

    @Test
    void pastItsBoundTheCacheStartsOverAndAZeroBoundKeepsNothing() {
        CachedAnswers small = cache(1);
        answer(small, get("a"), 200, 700_000);
        answer(small, get("b"), 200, 700_000);
        answer(small, get("b"), 200, 0);
        assertThat(made).as("b is kept").hasValue(2);
        answer(small, get("a"), 200, 0);
        assertThat(made).as("a was dropped when b went past the bound").hasValue(3);

        CachedAnswers none = cache(0);
        answer(none, get(null), 200, 0);
        answer(none, get(null), 200, 0);
        assertThat(made).hasValue(5);
    }
}
