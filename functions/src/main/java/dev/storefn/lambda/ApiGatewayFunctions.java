package dev.storefn.lambda;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.storefn.platform.Dispatcher;

/**
 * The functions {@code FunctionInvoker} runs on Lambda, chosen by {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 * {@code httpApi} behind an HTTP API (payload v2), {@code restApi} behind a REST API (v1). Typed on the
 * event classes, so the adapter hands over the whole event and writes the response out verbatim: status,
 * several cookies and every header survive.
 */
@Configuration(proxyBeanMethods = false)
class ApiGatewayFunctions {

    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpApi(Dispatcher dispatcher) {
        return event -> ApiGatewayEvents.toHttpApi(dispatcher.dispatch(ApiGatewayEvents.fromHttpApi(event)));
    }

    @Bean
    Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> restApi(Dispatcher dispatcher) {
        return event -> ApiGatewayEvents.toRestApi(dispatcher.dispatch(ApiGatewayEvents.fromRestApi(event)));
    }
}
