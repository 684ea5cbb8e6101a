package dev.storefn.devtools.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import dev.storefn.lambda.ApiGatewayFunctions;

/**
 * The template's schedule, on this machine: an EventBridge "Scheduled Event" for the {@code scheduledJobs}
 * function, which runs in an instance of its own as the template's second function does. The instance boots
 * on the first tick.
 */
public final class LocalSchedule {

    private final Map<String, String> properties;
    private FunctionInvoker invoker;

    public LocalSchedule(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** One tick: what the jobs did, as the function answers. */
    public synchronized String run() {
        if (invoker == null) {
            invoker = LocalApiGateway.boot(ApiGatewayFunctions.SCHEDULED_JOBS, properties);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(event(Instant.now()).getBytes(StandardCharsets.UTF_8)), out,
                    new LocalLambdaContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The event EventBridge sends a rate(...) rule's target. */
    public static String event(Instant time) {
        return """
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.events", "account": "000000000000",
                 "time": "%s", "region": "local", "resources": ["arn:aws:events:local:000000000000:rule/storefn-scheduled-jobs"],
                 "detail": {}}""".formatted(UUID.randomUUID(), time.truncatedTo(ChronoUnit.SECONDS));
    }
}
