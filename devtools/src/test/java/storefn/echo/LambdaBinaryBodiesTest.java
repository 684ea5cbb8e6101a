package storefn.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.MultipartBody;
import dev.storefn.Storefn;
import dev.storefn.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Binary bodies through FunctionInvoker, both event versions: base64 in, base64 out, byte for byte. */
class LambdaBinaryBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FunctionInvoker httpApi;
    private static FunctionInvoker restApi;

    @BeforeAll
    static void invokers() {
        TestDatabase.jdbcUrl();
        System.setProperty("MAIN_CLASS", EchoShop.class.getName());
        try {
            httpApi = new FunctionInvoker("httpApi");
            restApi = new FunctionInvoker("restApi");
        } finally {
            System.setProperty("MAIN_CLASS", Storefn.class.getName());
        }
    }

    @AfterAll
    static void restore() {
        System.setProperty("MAIN_CLASS", Storefn.class.getName());
    }

    private static JsonNode invoke(FunctionInvoker invoker, ObjectNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static ObjectNode httpApiEvent(String path, String contentType, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path).put("rawQueryString", "");
        event.putObject("headers").put("content-type", contentType);
        event.putObject("requestContext").putObject("http").put("method", "POST").put("path", path).put("sourceIp", "198.51.100.7");
        event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        return event;
    }

    private static ObjectNode restApiEvent(String path, String contentType, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/{proxy+}").put("path", path).put("httpMethod", "POST");
        event.putObject("headers").put("Content-Type", contentType);
        event.putObject("multiValueHeaders").putArray("Content-Type").add(contentType);
        event.putObject("requestContext").putObject("identity").put("sourceIp", "198.51.100.7");
        event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        return event;
    }

    @Test
    void aPngInAMultipartBodyRoundTripsThroughAnHttpApiEvent() throws Exception {
        byte[] png = Pngs.tiny();
        MultipartBody form = new MultipartBody().file("file", "red.png", "image/png", png);
        JsonNode response = invoke(httpApi, httpApiEvent("/test/file/", form.contentType(), form.bytes()));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(response.get("headers").get("Content-Type").asString()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(response.get("body").asString())).isEqualTo(png);
    }

    @Test
    void aPngRoundTripsThroughARestApiEvent() throws Exception {
        byte[] png = Pngs.tiny();
        JsonNode response = invoke(restApi, restApiEvent("/test/raw/", "image/png", png));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(response.get("body").asString())).isEqualTo(png);

        MultipartBody form = new MultipartBody().file("file", "red.png", "image/png", png);
        JsonNode multipart = invoke(restApi, restApiEvent("/test/file/", form.contentType(), form.bytes()));
        assertThat(Base64.getDecoder().decode(multipart.get("body").asString())).isEqualTo(png);
    }

    @Test
    void jsonAnswersStayTextAndABodyThatIsNotBase64IsRefused() throws Exception {
        JsonNode json = invoke(httpApi, httpApiEvent("/test/types/3/", "application/json",
                "{\"quantity\": 2}".getBytes(StandardCharsets.UTF_8)));
        assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(JSON.readTree(json.get("body").asString()).get("quantity").asInt()).isEqualTo(2);

        ObjectNode broken = httpApiEvent("/test/raw/", "image/png", new byte[0]);
        broken.put("body", "not base64 at all!");
        JsonNode refused = invoke(httpApi, broken);
        assertThat(refused.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(refused.get("body").asString()).get("detail").asString()).contains("base64");
    }
}
