package dev.storefn.lambda;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.storefn.platform.dispatch.RequestObserver;
import tools.jackson.databind.json.JsonMapper;

/**
 * On Lambda, the per-route figures the box's Prometheus endpoint has, as one CloudWatch embedded-metric-format
 * line per request on standard output: CloudWatch turns each into a {@code latency} sample of namespace
 * {@code storefn} with the dimensions route and status (so counts and percentiles per route), and the line
 * stays searchable in Logs Insights. No agent, no call to CloudWatch's API from the function.
 */
@Component
@ConditionalOnProperty(name = "STOREFN_METRIC_LINES", havingValue = "true")
class MetricLogLines implements RequestObserver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> DIRECTIVE = Map.of("Namespace", "storefn",
            "Dimensions", List.of(List.of("route", "status")), "Metrics", List.of(Map.of("Name", "latency", "Unit", "Milliseconds")));

    private final PrintStream out;
    private final LongSupplier clock;

    @Autowired
    MetricLogLines() {
        this(System.out, System::currentTimeMillis);
    }

    MetricLogLines(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void answered(String route, int status, long nanos) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", clock.getAsLong(), "CloudWatchMetrics", List.of(DIRECTIVE)));
        line.put("route", route);
        // A dimension's value must be a string.
        line.put("status", Integer.toString(status));
        line.put("latency", Math.round(nanos / 10_000.0) / 100.0);
        out.println(JSON.writeValueAsString(line));
    }
}
