package dev.storefn.lambda;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.operation.ScheduledJob;
import dev.storefn.platform.wire.WireResponse;

/**
 * The functions {@code FunctionInvoker} runs on Lambda, chosen by {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 * {@code httpApi} behind an HTTP API (payload v2), {@code restApi} behind a REST API (v1). Typed on the
 * event classes, so the adapter hands over the whole event and writes the response out verbatim: status,
 * several cookies, every header and base64 bodies survive.
 */
@Configuration(proxyBeanMethods = false)
class ApiGatewayFunctions {

    static final WireResponse MALFORMED_BODY = WireResponse.json(400, "{\"detail\":\"The request body is not valid base64.\"}");

    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpApi(Dispatcher dispatcher) {
        return event -> {
            try {
                return ApiGatewayEvents.toHttpApi(dispatcher.dispatch(ApiGatewayEvents.fromHttpApi(event)));
            } catch (ApiGatewayEvents.MalformedBody e) {
                return ApiGatewayEvents.toHttpApi(MALFORMED_BODY);
            }
        };
    }

    /** The function of the schedule's Lambda ({@code SPRING_CLOUD_FUNCTION_DEFINITION=scheduledJobs}): every job, once. */
    @Bean
    Function<ScheduledEvent, String> scheduledJobs(List<ScheduledJob> jobs) {
        return event -> jobs.stream().map(ScheduledJob::runOnce).collect(Collectors.joining("; "));
    }

    @Bean
    Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> restApi(Dispatcher dispatcher) {
        return event -> {
            try {
                return ApiGatewayEvents.toRestApi(dispatcher.dispatch(ApiGatewayEvents.fromRestApi(event)));
            } catch (ApiGatewayEvents.MalformedBody e) {
                return ApiGatewayEvents.toRestApi(MALFORMED_BODY);
            }
        };
    }
}
