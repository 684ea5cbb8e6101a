package dev.storefn.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/** Translates API Gateway proxy events (HTTP API v2 and REST API v1) to requests, and answers back. */
final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    static WireRequest fromHttpApi(APIGatewayV2HTTPEvent event) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        // HTTP API moves Cookie headers into their own array.
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", List.of(String.join("; ", event.getCookies())));
        }
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : "GET";
        String sourceIp = context != null && context.getHttp() != null ? context.getHttp().getSourceIp() : null;
        return new WireRequest(method, event.getRawPath(), QueryStrings.parse(event.getRawQueryString()),
                headers, body(event.getBody(), event.getIsBase64Encoded()), sourceIp);
    }

    /** API Gateway serves HTTPS only: browsers are told to keep to it, as nginx tells them on the box. */
    static final String HSTS = "max-age=63072000";

    static APIGatewayV2HTTPResponse toHttpApi(WireResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", HSTS);
        List<String> cookies = new ArrayList<>();
        response.headers().forEach((name, values) -> {
            if ("Set-Cookie".equalsIgnoreCase(name)) {
                cookies.addAll(values);
            } else {
                headers.put(name, String.join(", ", values));
            }
        });
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withCookies(cookies)
                .withBody(body(response))
                .withIsBase64Encoded(!response.textual())
                .build();
    }

    static WireRequest fromRestApi(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((name, values) -> headers.put(name, values == null ? List.of() : values));
        } else if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            query.putAll(event.getMultiValueQueryStringParameters());
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> query.put(name, List.of(value)));
        }
        var context = event.getRequestContext();
        String sourceIp = context != null && context.getIdentity() != null ? context.getIdentity().getSourceIp() : null;
        return new WireRequest(event.getHttpMethod(), event.getPath(), query, headers,
                body(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded())), sourceIp);
    }

    static APIGatewayProxyResponseEvent toRestApi(WireResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", HSTS);
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        multiValueHeaders.put("Strict-Transport-Security", List.of(HSTS));
        response.headers().forEach((name, values) -> {
            multiValueHeaders.put(name, values);
            if (!"Set-Cookie".equalsIgnoreCase(name)) {
                headers.put(name, String.join(", ", values));
            }
        });
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withMultiValueHeaders(multiValueHeaders)
                .withBody(body(response))
                .withIsBase64Encoded(!response.textual());
    }

    /** Text as it is; anything else (images, files) base64-encoded, as API Gateway expects binary bodies. */
    private static String body(WireResponse response) {
        return response.textual() ? new String(response.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(response.body());
    }

    /** The body's bytes; an {@link IllegalArgumentException} when it claims to be base64 and is not. */
    private static byte[] body(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
