package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.CloudinaryStandIn;
import dev.storefn.FunctionsTest;
import dev.storefn.MultipartBody;
import dev.storefn.TestImages;
import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A product image uploaded through a Lambda HTTP API (v2) event, its multipart body base64-encoded as API
 * Gateway sends it, with template.yaml's environment: to Cloudinary when it is configured (the real SDK
 * against a local stand-in), else refused with 503 and nothing written to disk.
 */
class LambdaProductImageTest extends FunctionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CloudinaryStandIn CLOUDINARY = new CloudinaryStandIn();

    @Autowired
    StaffAccounts staffAccounts;

    private String staff;

    @AfterAll
    static void stop() {
        CLOUDINARY.close();
    }

    @BeforeEach
    void staffSignedIn() {
        jdbc.sql("TRUNCATE products RESTART IDENTITY CASCADE").update();
        CLOUDINARY.reset();
        staffAccounts.createOrReset("lambda-staff@example.com", "lambda staff password", true);
        WireResponse login = sendFrom("198.51.130.9", "POST", "/api/login/",
                "{\"email\":\"lambda-staff@example.com\",\"password\":\"lambda staff password\"}", Map.of());
        assertThat(login.status()).isEqualTo(200);
        staff = body(login).get("access").asString();
    }

    private static FunctionInvoker lambda(Map<String, String> environment) {
        try (SystemProperties lambda = SystemProperties.lambdaEnvironment(environment)) {
            return new FunctionInvoker();
        }
    }

    private JsonNode invoke(FunctionInvoker invoker, String contentType, byte[] body) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        String path = "/api/products/create/";
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path).put("rawQueryString", "");
        event.putObject("headers").put("content-type", contentType).put("authorization", "Bearer " + staff);
        event.putObject("requestContext").putObject("http").put("method", "POST").put("path", path).put("sourceIp", "198.51.100.7");
        event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static MultipartBody form(String name, byte[] png) {
        return new MultipartBody().field("name", name).field("description", "Uploaded through a Lambda event")
                .field("price", "799.00").field("category", "women").field("stock", "4").file("image", "tee.png", "image/png", png);
    }

    @Test
    void anImageInABase64MultipartEventGoesToCloudinary() throws Exception {
        FunctionInvoker httpApi = lambda(Map.of("AWS_LAMBDA_FUNCTION_NAME", "storefn",
                "CLOUDINARY_URL", CLOUDINARY.cloudinaryUrl(), "CLOUDINARY_UPLOAD_PREFIX", CLOUDINARY.url()));
        byte[] png = TestImages.picture("png", 51);
        MultipartBody form = form("Lambda Cloud Tee", png);

        JsonNode response = invoke(httpApi, form.contentType(), form.bytes());

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(201);
        JsonNode product = JSON.readTree(response.get("body").asString());
        assertThat(CLOUDINARY.uploads()).hasSize(1);
        assertThat(CLOUDINARY.uploads().get(0).signed()).isTrue();
        assertThat(CLOUDINARY.uploads().get(0).file()).isEqualTo(png);
        assertThat(product.get("image").asString()).startsWith(CLOUDINARY.url() + "/" + CloudinaryStandIn.CLOUD + "/image/upload/");
        assertThat(product.get("slug").asString()).isEqualTo("lambda-cloud-tee");
    }

    @Test
    void withoutCloudinaryAnUploadOnLambdaIs503AndWritesNothing(@TempDir Path temporary) throws Exception {
        Path mediaRoot = temporary.resolve("media");
        FunctionInvoker httpApi = lambda(Map.of("AWS_LAMBDA_FUNCTION_NAME", "storefn", "MEDIA_ROOT", mediaRoot.toString()));
        long cachedImagesBefore = imageIoCacheFiles();
        MultipartBody form = form("Lambda Disk Tee", TestImages.picture("png", 52));

        JsonNode response = invoke(httpApi, form.contentType(), form.bytes());

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(503);
        assertThat(JSON.readTree(response.get("body").asString()).get("detail").asString())
                .isEqualTo("Image uploads are not available: on AWS Lambda images are kept in Cloudinary, and CLOUDINARY_URL is not set.");
        assertThat(mediaRoot).doesNotExist();
        assertThat(imageIoCacheFiles()).as("javax.imageio cache files in java.io.tmpdir").isEqualTo(cachedImagesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();

        // A product without an image needs no media store.
        String json = "{\"name\": \"Lambda Json Tee\", \"description\": \"Created without a picture\", \"price\": 5,"
                + " \"category\": \"men\", \"stock\": 1}";
        assertThat(invoke(httpApi, "application/json", json.getBytes()).get("statusCode").asInt()).isEqualTo(201);
    }

    /** ImageIO's disk cache names its files imageio*.tmp. */
    private static long imageIoCacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("imageio")).count();
        }
    }
}
