package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.storefn.devtools.aws.LambdaGateway;
import dev.storefn.devtools.database.EmbeddedPostgresDatabase;
import dev.storefn.devtools.aws.LocalApiGateway;
import dev.storefn.devtools.aws.LocalSchedule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code serve --via-lambda}: real HTTP in, API Gateway events through FunctionInvoker, real HTTP out. */
class LambdaGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LambdaGateway httpApi;
    private static LambdaGateway restApi;
    private final HttpClient http = HttpClient.newHttpClient();

    private static Path dataDirectory;

    @BeforeAll
    static void gateways() throws Exception {
        dataDirectory = TemporaryDataDirectory.create("storefn-gateway-test");
        httpApi = LambdaGateway.start("127.0.0.1", 0, LocalApiGateway.Payload.HTTP_API,
                Map.of("STOREFN_DATA_DIR", dataDirectory.toString()));
        // The second instance uses the embedded PostgreSQL the first one started, as commands beside a server do.
        restApi = LambdaGateway.start("127.0.0.1", 0, LocalApiGateway.Payload.REST_API,
                Map.of("STOREFN_DATA_DIR", dataDirectory.toString(), EmbeddedPostgresDatabase.ATTACH, "true"));
    }

    @AfterAll
    static void stop() {
        restApi.close();
        httpApi.close();
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

    @Test
    void localMediaIsServedBesideTheFunctionAndNothingOutsideIt() throws Exception {
        Path image = Files.createDirectories(dataDirectory.resolve("media/products")).resolve("tee.png");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpApi.port()
                + "/media/products/tee.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readAllBytes(image));
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");

        Files.writeString(dataDirectory.resolve("outside.txt"), "not media");
        for (String path : new String[] {"/media/../outside.txt", "/media/%2e%2e/outside.txt", "/media/products/none.png"}) {
            HttpResponse<String> refused = send(httpApi, "GET", path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).doesNotContain("not media").contains("\"detail\"");
        }
    }

    @Test
    void theScheduleRunsTheJobsInAnInstanceOfItsOwnOnAnEventBridgeEvent() {
        LocalSchedule schedule = new LocalSchedule(Map.of("STOREFN_DATA_DIR", dataDirectory.toString(), EmbeddedPostgresDatabase.ATTACH, "true"));
        String ran = "\"expired 0 overdue checkouts; provider actions: 0 attempted; 0 pending (0 failing), 0 failed for good\"";
        assertThat(schedule.run()).isEqualTo(ran);
        assertThat(schedule.run()).as("the instance stays warm between ticks").isEqualTo(ran);
    }
}
