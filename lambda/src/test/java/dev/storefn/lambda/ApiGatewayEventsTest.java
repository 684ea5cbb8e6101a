package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

class ApiGatewayEventsTest {

    private static WireResponse twoCookies() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Set-Cookie", List.of("access=a; HttpOnly", "refresh=r; HttpOnly"));
        return new WireResponse(201, headers, "{}".getBytes());
    }

    @Test
    void severalCookiesSurviveAnHttpApiResponse() {
        var response = ApiGatewayEvents.toHttpApi(twoCookies());
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getCookies()).containsExactly("access=a; HttpOnly", "refresh=r; HttpOnly");
        assertThat(response.getHeaders()).doesNotContainKey("Set-Cookie").containsEntry("Content-Type", "application/json");
    }

    @Test
    void severalCookiesSurviveARestApiResponse() {
        var response = ApiGatewayEvents.toRestApi(twoCookies());
        assertThat(response.getMultiValueHeaders().get("Set-Cookie")).containsExactly("access=a; HttpOnly", "refresh=r; HttpOnly");
        assertThat(response.getHeaders()).doesNotContainKey("Set-Cookie");
    }

    @Test
    void httpApiCookiesAndBase64BodiesAreReassembled() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/api/login/")
                .withRawQueryString("a=1&a=2&b=%20x")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withCookies(List.of("access=a", "csrftoken=c"))
                .withBody("eyJ4IjoxfQ==")
                .withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withSourceIp("198.51.100.1").build())
                        .build())
                .build();
        WireRequest request = ApiGatewayEvents.fromHttpApi(event);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("cookie")).isEqualTo("access=a; csrftoken=c");
        assertThat(request.query().get("a")).containsExactly("1", "2");
        assertThat(request.queryParameter("b")).isEqualTo(" x");
        assertThat(new String(request.body())).isEqualTo("{\"x\":1}");
        assertThat(request.peerAddress()).isEqualTo("198.51.100.1");
    }

    @Test
    void restApiMultiValueHeadersAndQueriesArrive() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath("/api/products/")
                .withMultiValueHeaders(Map.of("X-Forwarded-For", List.of("1.1.1.1", "2.2.2.2")))
                .withMultiValueQueryStringParameters(Map.of("search", List.of("red shirt")));
        WireRequest request = ApiGatewayEvents.fromRestApi(event);
        assertThat(request.headers().get("x-forwarded-for")).containsExactly("1.1.1.1", "2.2.2.2");
        assertThat(request.queryParameter("search")).isEqualTo("red shirt");
        assertThat(request.body()).isEmpty();
    }
}
