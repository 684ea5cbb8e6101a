package dev.storefn.lambda;

import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.context.annotation.Configuration;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.operation.ScheduledJob;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * The functions {@code FunctionInvoker} runs on Lambda, chosen by {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 * {@code httpApi} behind an HTTP API (payload v2), {@code restApi} behind a REST API (v1).
 *
 * <p>They take the event as the raw stream and read it with the Lambda runtime's own serializer. Typed on
 * the event class, the adapter would first treat the event as a message: it copies the client's HTTP headers
 * into the message headers (a {@code payload} header then replaces the input), and a JSON-array body makes it
 * call the function once per element with that element as the event, so a client could forge the source
 * address and crash the instance. They answer with the response event classes, which the adapter writes out
 * verbatim: status, several cookies, every header and base64 bodies survive.
 */
@Configuration(proxyBeanMethods = false)
public class ApiGatewayFunctions {

    /** The function names: each bean method's name is what {@code SPRING_CLOUD_FUNCTION_DEFINITION} selects. */
    public static final String HTTP_API = "httpApi";
    public static final String REST_API = "restApi";
    public static final String SCHEDULED_JOBS = "scheduledJobs";

    static final WireResponse MALFORMED_BODY = WireResponse.json(400, "{\"detail\":\"The request body is not valid base64.\"}");

    @Bean
    Function<InputStream, APIGatewayV2HTTPResponse> httpApi(Dispatcher dispatcher) {
        return adapter(dispatcher, APIGatewayV2HTTPEvent.class, ApiGatewayEvents::fromHttpApi, ApiGatewayEvents::toHttpApi);
    }

    /** The function of the schedule's Lambda ({@code SPRING_CLOUD_FUNCTION_DEFINITION=scheduledJobs}): every job, once. */
    @Bean
    Function<ScheduledEvent, String> scheduledJobs(List<ScheduledJob> jobs) {
        return event -> jobs.stream().map(ScheduledJob::runOnce).collect(Collectors.joining("; "));
    }

    @Bean
    Function<InputStream, APIGatewayProxyResponseEvent> restApi(Dispatcher dispatcher) {
        return adapter(dispatcher, APIGatewayProxyRequestEvent.class, ApiGatewayEvents::fromRestApi, ApiGatewayEvents::toRestApi);
    }

    /**
     * Reads the event with the serializer the Lambda Java runtime itself uses for its class, made on first use: it
     * loads some 800 classes (a shaded Jackson), which the web runner, where these beans exist but are never called,
     * would otherwise carry in its metaspace. SnapStart's priming makes it before the snapshot.
     */
    private static <E, R> Function<InputStream, R> adapter(Dispatcher dispatcher, Class<E> eventClass,
            Function<E, WireRequest> request, Function<WireResponse, R> response) {
        Supplier<PojoSerializer<E>> events = SingletonSupplier.of(
                () -> LambdaEventSerializers.serializerFor(eventClass, ApiGatewayFunctions.class.getClassLoader()));
        return stream -> {
            E event = events.get().fromJson(stream);
            WireRequest read;
            try {
                read = request.apply(event);
            } catch (IllegalArgumentException bodyNotBase64) {
                return response.apply(MALFORMED_BODY);
            }
            return response.apply(LambdaPayloads.fit(read, dispatcher.dispatch(read)));
        };
    }
}
