package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code serve --via-lambda}: real HTTP in, API Gateway events through FunctionInvoker, real HTTP out. */
class LambdaGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LambdaGateway httpApi;
    private static LambdaGateway restApi;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void gateways() throws Exception {
        System.setProperty("STOREFN_DATA_DIR", Files.createTempDirectory("storefn-gateway-test").toString());
        httpApi = LambdaGateway.start("127.0.0.1", 0, false);
        // The second instance uses the embedded PostgreSQL the first one started, as commands beside a server do.
        System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
        restApi = LambdaGateway.start("127.0.0.1", 0, true);
    }

    @AfterAll
    static void stop() {
        restApi.close();
        httpApi.close();
        System.clearProperty(EmbeddedPostgresDatabase.ATTACH);
        System.clearProperty("STOREFN_DATA_DIR");
        System.clearProperty("MAIN_CLASS");
    }

    private HttpResponse<String> send(LambdaGateway gateway, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoCatalogAndAShoppersSessionWorkThroughHttpApiEvents() throws Exception {
        HttpResponse<String> products = send(httpApi, "GET", "/api/products/?category=men", null);
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode list = JSON.readTree(products.body());
        assertThat(list.size()).isGreaterThan(10);
        assertThat(list).allSatisfy(product -> assertThat(product.get("category").asString()).isEqualTo("men"));

        HttpResponse<String> registered = send(httpApi, "POST", "/api/register/",
                "{\"email\": \"gateway@example.com\", \"password\": \"a long password\"}", "Content-Type", "application/json");
        assertThat(registered.statusCode()).isEqualTo(201);
        String access = JSON.readTree(registered.body()).get("access").asString();
        HttpResponse<String> me = send(httpApi, "GET", "/api/me/", null, "Authorization", "Bearer " + access);
        assertThat(JSON.readTree(me.body()).get("email").asString()).isEqualTo("gateway@example.com");

        HttpResponse<String> redirected = send(httpApi, "GET", "/api/products?page=2", null);
        assertThat(redirected.statusCode()).isEqualTo(301);
        assertThat(redirected.headers().firstValue("Location")).hasValue("/api/products/?page=2");
        HttpResponse<String> missing = send(httpApi, "GET", "/api/nothing/", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("detail").asString()).isEqualTo("Not found.");
        HttpResponse<String> docs = send(httpApi, "GET", "/docs/", null);
        assertThat(docs.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(docs.body()).contains("swagger-ui");
    }

    @Test
    void restApiEventsAnswerTheSame() throws Exception {
        HttpResponse<String> viaV1 = send(restApi, "GET", "/api/products/?category=women&page_size=2", null);
        HttpResponse<String> viaV2 = send(httpApi, "GET", "/api/products/?category=women&page_size=2", null);
        assertThat(viaV1.statusCode()).isEqualTo(200);
        JsonNode v1 = JSON.readTree(viaV1.body());
        JsonNode v2 = JSON.readTree(viaV2.body());
        assertThat(v1.get("results")).isEqualTo(v2.get("results"));
        assertThat(v1.get("count").asInt()).isEqualTo(v2.get("count").asInt());
        HttpResponse<String> refused = send(restApi, "POST", "/api/login/", "{\"email\": \"x\"}", "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("email").get(0).asString()).isEqualTo("Enter a valid email address.");
    }
}
