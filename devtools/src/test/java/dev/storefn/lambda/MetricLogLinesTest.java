package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.storefn.devtools.aws.LocalApiGateway;
import dev.storefn.FunctionsTest;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.ThroughLambda;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One CloudWatch embedded-metric-format line per answered request, as CloudWatch's specification reads it. */
class MetricLogLinesTest extends FunctionsTest {

    @Autowired
    private ApplicationContext context;

    /** Writes to both: the captured lines for the assertions, the console as ever. */
    private static OutputStream both(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                first.write(bytes, offset, length);
                second.write(bytes, offset, length);
            }
        };
    }

    @Test
    void anInstanceWithTheTemplatesSettingsWritesOneLinePerEventAnswered() {
        ThroughLambda.skipUnlessDirect("boots a Lambda instance of its own");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(both(original, captured), true, StandardCharsets.UTF_8));
        try {
            LocalApiGateway instance = LocalApiGateway.start(LocalApiGateway.Payload.HTTP_API, ThroughLambda.settingsOf(context));
            WireResponse health = instance.handle(new LocalApiGateway.Request("GET", "/health/", "", Map.of(), new byte[0], "198.51.100.4"));
            assertThat(health.status()).isEqualTo(200);
        } finally {
            System.setOut(original);
        }
        List<String> metricLines = captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{\"_aws\"")).toList();
        assertThat(metricLines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(metricLines.get(0));
        assertThat(line.get("route").asString()).isEqualTo("GET /health/");
        assertThat(line.get("status").asString()).isEqualTo("200");
    }

    @Test
    void aRequestIsOneLineCloudWatchTurnsIntoALatencySampleByRouteAndStatus() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricLogLines lines = new MetricLogLines(new PrintStream(out, true, StandardCharsets.UTF_8), () -> 1764547200123L);

        lines.answered("GET /api/products/{id}/", 200, 3_456_789);
        lines.answered("none", 404, 120_000);

        String[] written = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(written).hasSize(2);
        JsonNode line = JsonMapper.builder().build().readTree(written[0]);
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(1764547200123L);
        assertThat(directive.get("Namespace").asString()).isEqualTo("storefn");
        assertThat(directive.get("Dimensions").get(0).toString()).isEqualTo("[\"route\",\"status\"]");
        assertThat(directive.get("Metrics").get(0).get("Name").asString()).isEqualTo("latency");
        assertThat(directive.get("Metrics").get(0).get("Unit").asString()).isEqualTo("Milliseconds");
        // Every dimension and metric the directive names is a member of the line itself.
        assertThat(line.get("route").asString()).isEqualTo("GET /api/products/{id}/");
        assertThat(line.get("status").asString()).isEqualTo("200");
        assertThat(line.get("latency").asDouble()).isEqualTo(3.46);
        assertThat(JsonMapper.builder().build().readTree(written[1]).get("latency").asDouble()).isEqualTo(0.12);
    }
}
