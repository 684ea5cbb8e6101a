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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.storefn.devtools.database.DemoCatalog;
import dev.storefn.runner.cli.CreateStaffCommand;
import dev.storefn.runner.cli.InvokeCommand;
import dev.storefn.Storefn;
import dev.storefn.RouteTable;
import dev.storefn.devtools.aws.LocalLambdaContext;
import dev.storefn.devtools.aws.LocalInvoke;
import dev.storefn.platform.database.LocalDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runner on its embedded default, spoken to over real HTTP. */
@SpringBootTest(classes = Storefn.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebRunnerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EVENTS = Path.of("..", "events");

    private static Path dataDirectory;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = TemporaryDataDirectory.create("storefn-web-test");
        registry.add("STOREFN_DATA_DIR", dataDirectory::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    LocalDatabase database;

    @Autowired
    FunctionCatalog catalog;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String method, String path, String body, int expectedStatus, String... headers) throws Exception {
        HttpResponse<byte[]> response = send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
        assertThat(response.statusCode()).as(method + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void aShopperRegistersSignsInRefreshesAndSignsOutOverHttp() throws Exception {
        json("POST", "/api/register/", "{\"email\":\"web@example.com\",\"password\":\"web password\"}", 201);
        JsonNode tokens = json("POST", "/api/login/", "{\"email\":\"web@example.com\",\"password\":\"web password\"}", 200);
        String access = tokens.get("access").asString();
        assertThat(json("GET", "/api/me/", null, 200, "Authorization", "Bearer " + access).get("email").asString())
                .isEqualTo("web@example.com");
        String refresh = "{\"refresh\":\"" + tokens.get("refresh").asString() + "\"}";
        assertThat(json("POST", "/api/refresh/", refresh, 200).has("access")).isTrue();
        json("POST", "/api/logout/", null, 200, "Authorization", "Bearer " + access);
        assertThat(json("POST", "/api/refresh/", refresh, 401).get("detail").asString()).isEqualTo("Refresh token invalid");

        HttpResponse<byte[]> anonymous = send("GET", "/api/me/", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
    }

    @Test
    void corsPreflightIsAnsweredOverHttp() throws Exception {
        HttpResponse<byte[]> preflight = send("OPTIONS", "/api/login/", null, "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        HttpResponse<byte[]> get = send("GET", "/api/products/", null, "Origin", "http://localhost:5173");
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    void createStaffWorksWhileStorefnServesTheSameDataDirectory() throws Exception {
        System.setProperty("STOREFN_DATA_DIR", dataDirectory.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = CreateStaffCommand.run(new String[] {"--email", "boss@example.com", "--password-stdin"},
                    new ByteArrayInputStream("boss password\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created staff account boss@example.com");
            JsonNode signedIn = json("POST", "/api/login/", "{\"email\":\"boss@example.com\",\"password\":\"boss password\"}", 200);
            assertThat(signedIn.get("user").get("is_staff").asBoolean()).isTrue();

            String clerk = json("POST", "/api/register/", "{\"email\":\"clerk@example.com\",\"password\":\"clerk password\"}", 201)
                    .get("refresh").asString();
            // An existing account is never taken over by a typo: it takes --reset-password.
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            assertThat(CreateStaffCommand.run(new String[] {"--email", "CLERK@example.com", "--password-stdin"},
                    new ByteArrayInputStream("new clerk password\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(refused, true, StandardCharsets.UTF_8))).isOne();
            assertThat(refused.toString(StandardCharsets.UTF_8)).contains("exists: run again with --reset-password");
            json("POST", "/api/login/", "{\"email\":\"clerk@example.com\",\"password\":\"clerk password\"}", 200);
            // Tokens count whole seconds: the reset must come in a later second than the session it ends.
            Thread.sleep(1_000);
            out.reset();
            assertThat(CreateStaffCommand.run(new String[] {"--email", "CLERK@example.com", "--password-stdin", "--reset-password"},
                    new ByteArrayInputStream("new clerk password\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("staff with the new password; every session it had has ended");
            // The clerk's earlier session ends with the reset; the new password signs in, as staff.
            json("POST", "/api/refresh/", "{\"refresh\":\"" + clerk + "\"}", 401);
            assertThat(json("POST", "/api/login/", "{\"email\":\"clerk@example.com\",\"password\":\"new clerk password\"}", 200)
                    .get("user").get("is_staff").asBoolean()).isTrue();

            assertThat(CreateStaffCommand.run(new String[] {"--email", "x@example.com"}, new ByteArrayInputStream(new byte[0]),
                    System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        } finally {
            System.clearProperty("STOREFN_DATA_DIR");
        }
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
    void bodiesOverTheirRoutesBudgetAre413JsonBeforeTheyAreRead() throws Exception {
        // An upload route takes ten megabytes; a JSON route 64 KB; a route that takes no body is given none.
        HttpResponse<byte[]> response = send("POST", "/api/products/create/", new byte[10 * 1024 * 1024 + 1]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(send("POST", "/api/cart/add/", new byte[64 * 1024 + 1]).statusCode()).isEqualTo(413);
        assertThat(send("POST", "/api/logout/", new byte[64 * 1024]).statusCode()).as("within the budget: read, not JSON").isEqualTo(200);
        assertThat(send("GET", "/health/", new byte[1024 * 1024]).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("Request body too large.");
        // Answered through the dispatcher, like every answer: its request id and no-store.
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
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

    /**
     * Every sample event runs as shipped, through {@code invoke}, beside the server on its data directory: the ones
     * for a signed-in user with {@code --as} the account {@code register-v2.json} signs up.
     */
    @Test
    void everySampleEventRunsAsShippedThroughInvoke() throws Exception {
        List<Path> events;
        try (var listed = Files.list(EVENTS)) {
            // Sign-up first: the other events sign in as, or act for, the account it makes.
            events = listed.filter(path -> path.toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path path) -> !path.getFileName().toString().startsWith("register")).thenComparing(Path::toString))
                    .toList();
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(14);
        System.setProperty("STOREFN_DATA_DIR", dataDirectory.toString());
        try {
            Map<String, Integer> statuses = new TreeMap<>();
            for (Path event : events) {
                List<String> args = new ArrayList<>(List.of("invoke", "--event", event.toString()));
                if (Files.readString(event).contains(LocalInvoke.PLACEHOLDER)) {
                    args.addAll(List.of("--as", "lambda@example.com"));
                }
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                assertThat(InvokeCommand.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8), System.err))
                        .as(event.toString()).isZero();
                JsonNode answer = JSON.readTree(printed.toByteArray());
                statuses.put(event.getFileName().toString(), answer.isString() ? 0 : answer.get("statusCode").asInt());
            }
            assertThat(statuses).containsEntry("register-v2.json", 201).containsEntry("login-v1.json", 200)
                    .containsEntry("me-v1.json", 200).containsEntry("cart-v2.json", 200).containsEntry("cart-add-v2.json", 200)
                    .containsEntry("bad-price-filter-v1.json", 400).containsEntry("product-not-found-v2.json", 404)
                    .containsEntry("scheduled-jobs.json", 0);
            assertThat(statuses.values()).as("no event answers 401 or fails").allMatch(status -> status != 401 && status < 500);
        } finally {
            System.clearProperty("STOREFN_DATA_DIR");
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
