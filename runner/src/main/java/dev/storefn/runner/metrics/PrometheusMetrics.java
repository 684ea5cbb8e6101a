package dev.storefn.runner.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import dev.storefn.platform.dispatch.RequestObserver;
import dev.storefn.platform.provider.Provider;
import dev.storefn.platform.provider.ProviderActions;
import dev.storefn.platform.provider.ProviderGates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The box's metrics, for a Prometheus on the box to scrape from {@code /metrics} ({@link MetricsEndpoint}):
 * every route's requests by status with a latency histogram, the connection pool, provider actions (pending,
 * failing, failed for good) and providers refused while failing, the JVM and the process's resident memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PrometheusMetrics {

    /** Histogram buckets: a handful, so that 50 routes by a few statuses stay a few hundred series. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500)};

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry prometheusRegistry(DataSource dataSource, ProviderActions actions, ProviderGates gates) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", PrometheusMetrics::residentBytes).baseUnit("bytes")
                .description("Resident set size of the process (VmRSS)").register(registry);
        if (dataSource instanceof HikariDataSource hikari) {
            poolGauges(registry, hikari);
        }
        providerGauges(registry, actions, gates);
        return registry;
    }

    private static void providerGauges(MeterRegistry registry, ProviderActions actions, ProviderGates gates) {
        // One query serves the three figures of a scrape, so they are of one moment.
        Supplier<ProviderActions.Counts> counts = new Supplier<>() {
            private volatile ProviderActions.Counts last;
            private volatile long readAt;

            @Override
            public ProviderActions.Counts get() {
                if (last == null || System.nanoTime() - readAt > TimeUnit.SECONDS.toNanos(1)) {
                    last = actions.counts();
                    readAt = System.nanoTime();
                }
                return last;
            }
        };
        Gauge.builder("storefn.provider.actions", () -> counts.get().pending()).tag("state", "pending")
                .description("Provider actions (refunds, checkout ends, image removals) not done yet").register(registry);
        Gauge.builder("storefn.provider.actions", () -> counts.get().failing()).tag("state", "failing")
                .description("Pending provider actions whose last attempt failed").register(registry);
        Gauge.builder("storefn.provider.actions", () -> counts.get().failed()).tag("state", "failed")
                .description("Provider actions the provider refused for good (staff must look)").register(registry);
        for (Provider provider : Provider.values()) {
            Gauge.builder("storefn.provider.failing", () -> gates.failing(provider) ? 1 : 0)
                    .tag("provider", provider.name().toLowerCase(java.util.Locale.ROOT))
                    .description("1 while calls to the provider are refused at once because it has been failing").register(registry);
        }
    }

    @Bean
    RequestObserver routeTimers(PrometheusMeterRegistry registry) {
        return new RouteTimers(registry);
    }

    /** One timer per route and status, made on first use and kept: the lookup is a map read per request. */
    static final class RouteTimers implements RequestObserver {

        private final MeterRegistry registry;
        /** By route, then by status: found without building a key for every request. */
        private final Map<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

        RouteTimers(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void answered(String route, int status, long nanos) {
            AtomicReferenceArray<Timer> byStatus = timers.computeIfAbsent(route, key -> new AtomicReferenceArray<>(600));
            Timer timer = byStatus.get(status);
            if (timer == null) {
                // Registering again returns the timer already registered, so a race makes no second one.
                timer = Timer.builder("storefn.requests")
                        .description("Requests answered, by route of the route table and status")
                        .tag("route", route).tag("status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS).register(registry);
                byStatus.set(status, timer);
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static void poolGauges(MeterRegistry registry, HikariDataSource hikari) {
        gauge(registry, hikari, "active", "Connections in use", HikariPoolMXBean::getActiveConnections);
        gauge(registry, hikari, "idle", "Connections idle in the pool", HikariPoolMXBean::getIdleConnections);
        gauge(registry, hikari, "open", "Connections open", HikariPoolMXBean::getTotalConnections);
        gauge(registry, hikari, "pending", "Requests waiting for a connection", HikariPoolMXBean::getThreadsAwaitingConnection);
        Gauge.builder("storefn.db.pool.max", hikari, HikariDataSource::getMaximumPoolSize)
                .description("The pool's size limit").register(registry);
    }

    private static void gauge(MeterRegistry registry, HikariDataSource hikari, String name, String description,
            ToIntFunction<HikariPoolMXBean> figure) {
        // The pool starts on first use; until then its figures are 0.
        Gauge.builder("storefn.db.pool." + name, hikari, pool -> pool.getHikariPoolMXBean() == null ? 0
                : figure.applyAsInt(pool.getHikariPoolMXBean())).description(description).register(registry);
    }

    private static double residentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024).orElse(Double.NaN);
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Double.NaN; // Not Linux, or /proc unreadable: no figure.
        }
    }
}
