package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.storefn.Storefn;
import dev.storefn.platform.LocalDatabase;
import dev.storefn.platform.RouteTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runner on its embedded default, spoken to over real HTTP. */
@SpringBootTest(classes = Storefn.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebRunnerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EVENTS = Path.of("..", "events");

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDirectory = Files.createTempDirectory("storefn-web-test");
        registry.add("STOREFN_DATA_DIR", dataDirectory::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    LocalDatabase database;

    @Autowired
    FunctionCatalog catalog;

    @Autowired
    org.springframework.core.env.Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theEmbeddedDefaultServesTheDemoCatalogWithLocalImages() throws Exception {
        HttpResponse<byte[]> list = send("GET", "/api/products/", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode products = JSON.readTree(list.body());
        assertThat(products).hasSize(DemoCatalog.PRODUCTS.size());
        assertThat(products.get(0).get("name").asString()).isEqualTo(DemoCatalog.PRODUCTS.get(0).name());
        String image = products.get(0).get("image").asString();
        assertThat(image).startsWith("http://localhost:8000/media/products/").endsWith(".svg");

        HttpResponse<byte[]> svg = send("GET", image.substring("http://localhost:8000".length()), null);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains("<svg");
    }

    @Test
    void theCategoriesAndPriceRangesOfTheStorefrontAllHaveProducts() throws Exception {
        for (String query : new String[] {"category=men", "category=women", "min_price=0&max_price=999",
                "min_price=1000&max_price=1999", "min_price=2000&max_price=2999", "min_price=3000"}) {
            assertThat(JSON.readTree(send("GET", "/api/products/?" + query, null).body()).size()).as(query).isPositive();
        }
    }

    @Test
    void missingMediaIsJsonNotHtml() throws Exception {
        HttpResponse<byte[]> missing = send("GET", "/media/products/none.png", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void noFunctionBeanIsReachableByItsName() throws Exception {
        for (String name : catalog.getNames(Function.class)) {
            if (RouteTable.ROUTES.stream().anyMatch(route -> route.path().equals("/" + name + "/"))) {
                continue;
            }
            for (String path : new String[] {"/" + name, "/" + name + "/"}) {
                assertThat(send("GET", path, null).statusCode()).as("GET " + path).isEqualTo(404);
                assertThat(send("POST", path, "{}".getBytes()).statusCode()).as("POST " + path).isEqualTo(404);
            }
        }
    }

    @Test
    void theStorefrontsSlashlessProductUrlIsRedirected() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/api/products/1", null);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/products/1/");
    }

    @Test
    void bodiesOverTenMegabytesAre413Json() throws Exception {
        HttpResponse<byte[]> response = send("POST", "/api/products/", new byte[10 * 1024 * 1024 + 1]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("Request body too large.");
    }

    @Test
    void aProductIsByteIdenticalThroughTheWebLambdaV1LambdaV2AndInvoke() throws Exception {
        byte[] web = send("GET", "/api/products/1/", null).body();
        assertThat(JSON.readTree(web).get("id").asInt()).isEqualTo(1);

        // The Lambda contexts are separate processes in production; here they share the runner's database.
        System.setProperty("DATABASE_URL", database.url().jdbcUrl());
        System.setProperty("SECRET_KEY", environment.getProperty("SECRET_KEY"));
        System.setProperty("MAIN_CLASS", Storefn.class.getName());
        try {
            byte[] v2 = lambdaBody(new FunctionInvoker("httpApi"), "get-product-v2.json");
            byte[] v1 = lambdaBody(new FunctionInvoker("restApi"), "get-product-v1.json");

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = InvokeCommand.run(new String[] {"invoke", "--event", EVENTS.resolve("get-product-v2.json").toString()},
                    new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);
            assertThat(exit).isZero();
            JsonNode invoked = JSON.readTree(printed.toByteArray());
            assertThat(invoked.get("statusCode").asInt()).isEqualTo(200);
            byte[] cli = invoked.get("body").asString().getBytes(StandardCharsets.UTF_8);

            assertThat(v2).isEqualTo(web);
            assertThat(v1).isEqualTo(web);
            assertThat(cli).isEqualTo(web);
        } finally {
            System.clearProperty("DATABASE_URL");
            System.clearProperty("SECRET_KEY");
        }
    }

    private static byte[] lambdaBody(FunctionInvoker invoker, String eventFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve(eventFile))), out, new LocalLambdaContext());
        JsonNode response = JSON.readTree(out.toByteArray());
        assertThat(response.get("statusCode").asInt()).as(eventFile).isEqualTo(200);
        return response.get("body").asString().getBytes(StandardCharsets.UTF_8);
    }
}
