package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.function.context.FunctionCatalog;

import dev.storefn.FunctionsTest;
import dev.storefn.RouteTable;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DispatcherTest extends FunctionsTest {

    @Autowired
    FunctionCatalog catalog;

    @Test
    void everyRouteNamesAFunctionInTheCatalog() {
        for (Route route : RouteTable.ROUTES) {
            assertThat((Object) catalog.lookup(Function.class, route.name())).as(route.name()).isNotNull();
        }
    }

    @Test
    void functionBeanNamesAreNotReachableAsPaths() {
        Set<String> names = catalog.getNames(Function.class);
        assertThat(names).contains("listProducts", "getProduct");
        for (String name : names) {
            if (RouteTable.ROUTES.stream().anyMatch(route -> route.path().equals("/" + name + "/"))) {
                continue; // /health/ is a route of its own, served by the bean of the same name
            }
            for (String method : new String[] {"GET", "POST"}) {
                assertThat(send(method, "/" + name, null, Map.of()).status()).as(method + " /" + name).isEqualTo(404);
                assertThat(send(method, "/" + name + "/", null, Map.of()).status()).as(method + " /" + name + "/").isEqualTo(404);
            }
        }
    }

    @Test
    void noAnswerMayBeStoredByABrowserOrProxy() {
        for (WireResponse response : List.of(get("/api/products/"), get("/api/me/"), get("/api/nothing/"),
                post("/api/login/", "{\"email\": \"x\"}"))) {
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Autowired
    Dispatcher dispatcher;

    @Test
    void aRefusalAnAdapterMadeBeforeReadingTheBodyGetsWhatEveryAnswerGets() {
        WireResponse refused = dispatcher.refuse(new WireRequest("POST", "/api/products/create/", Map.of(),
                Map.of("x-request-id", List.of("upload-1")), new byte[0], "127.0.0.1"),
                Refusal.detail(Refusal.Kind.UNAVAILABLE, "Too many large uploads at once; retry shortly.").retryAfter(5));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("X-Request-Id")).isEqualTo("upload-1");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(body(refused).get("detail").asString()).isEqualTo("Too many large uploads at once; retry shortly.");
    }

    @Test
    void aBodyInAFormatNoRouteReadsIsRefusedWith415InDrfsWords() {
        WireResponse refused = send("POST", "/api/login/", "{\"email\": \"a@example.com\", \"password\": \"x\"}",
                Map.of("Content-Type", "text/plain; charset=utf-8"));
        assertThat(refused.status()).isEqualTo(415);
        assertThat(body(refused).get("detail").asString()).isEqualTo("Unsupported media type \"text/plain; charset=utf-8\" in request.");
        // JSON without a content type is still read as JSON.
        assertThat(sendBytes("POST", "/api/login/", "{\"email\": \"x\"}".getBytes(StandardCharsets.UTF_8), Map.of()).status())
                .isEqualTo(400);
    }

    @Test
    void readsWithoutTheTrailingSlashAreRedirectedKeepingTheQuery() {
        WireResponse response = get("/api/products/7?x=1");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/api/products/7/?x=1");
        assertThat(send("HEAD", "/api/products", null, Map.of()).status()).isEqualTo(301);
    }

    @Test
    void writesWithoutTheTrailingSlashKeepTheirMethodOnRedirect() {
        WireResponse response = send("POST", "/api/products", "{}", Map.of());
        assertThat(response.status()).isEqualTo(308);
        assertThat(response.header("Location")).isEqualTo("/api/products/");
    }

    @Test
    void unknownPathsAre404Json() {
        WireResponse response = get("/api/nothing-here/");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(body(response).get("detail").asString()).isEqualTo("Not found.");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        WireResponse response = send("DELETE", "/api/products/", null, Map.of());
        assertThat(response.status()).isEqualTo(405);
        assertThat(body(response).get("detail").asString()).isEqualTo("Method \"DELETE\" not allowed.");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        WireResponse response = send("HEAD", "/health/", null, Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsAWellFormedOne() {
        assertThat(get("/health/").header("X-Request-Id")).matches("[0-9a-f]{16}");
        // The local proxy's id is kept (nginx's $request_id), a client's own is not: it could forge another request's lines.
        assertThat(sendFrom("127.0.0.1", "GET", "/health/", null, Map.of("X-Request-Id", "abcdef12-3456")).header("X-Request-Id"))
                .isEqualTo("abcdef12-3456");
        assertThat(send("GET", "/health/", null, Map.of("X-Request-Id", "abcdef12-3456")).header("X-Request-Id"))
                .matches("[0-9a-f]{16}");
        assertThat(send("GET", "/health/", null, Map.of("X-Request-Id", "<script>")).header("X-Request-Id"))
                .matches("[0-9a-f]{16}");
    }

    @Test
    void healthIsOkWhileTheDatabaseAnswers() {
        WireResponse response = get("/health/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void theSchemaDescribesEveryRoute() {
        var paths = document().get("paths");
        for (Route route : RouteTable.ROUTES) {
            var operation = paths.get(route.path()).get(route.method().toLowerCase());
            assertThat(operation).as(route.path()).isNotNull();
            assertThat(operation.get("operationId").asString()).isEqualTo(route.name());
            assertThat(operation.get("x-access").asString()).isEqualTo(route.access().label());
            assertThat(operation.get("responses").get("4XX")).as(route.path()).isNotNull();
            JsonNode success = operation.get("responses").get(Integer.toString(route.success().status()));
            if (route.success() == Route.Success.NO_CONTENT) {
                assertThat(success.get("content")).as(route.path()).isNull();
            } else {
                assertThat(success.get("content").propertyNames()).as(route.path()).hasSize(1);
            }
            boolean takesBody = InputBinder.of(route.input(), route.parameterNames()).readsBody();
            assertThat(operation.has("requestBody")).as(route.method() + " " + route.path()).isEqualTo(takesBody
                    || route.name().equals("refreshToken") || route.name().equals("logout") || route.name().equals("stripeWebhook"));
        }
    }

    @Test
    void theSchemaOfAnAnswerNamesTheFieldsTheAnswerHas() {
        long id = insertProduct("Schema Tee", "men", "10.00", 1, "A tee that documents itself");
        JsonNode product = body(get("/api/products/" + id + "/"));
        JsonNode documented = document().get("components").get("schemas").get("ProductView").get("properties");
        assertThat(documented.propertyNames()).containsExactlyElementsOf(product.propertyNames());
        JsonNode register = document().get("components").get("schemas").get("RegisterInput");
        assertThat(register.get("required")).extracting(JsonNode::asString).containsExactly("email", "password");
        assertThat(register.get("properties").get("password").get("minLength").asInt()).isEqualTo(8);
    }

    /** GET /schema/, read without the bounds the platform's mapper puts on request bodies: it is larger than any. */
    private JsonNode document() {
        return JsonMapper.builder().build().readTree(get("/schema/").body());
    }

    @Test
    void theDocsPageCarriesSwaggerUiItselfAndRunsOnlyTheScriptsItsPolicyHashes() throws Exception {
        WireResponse response = get("/docs/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        String page = new String(response.body(), StandardCharsets.UTF_8);
        // The page's own markup loads nothing: Swagger UI's script and style are written into it. It fetches only the
        // document, relative to the page (so under a stage prefix too).
        String markup = page.replaceAll("(?s)<(script|style)>.*?</\\1>", "");
        assertThat(markup).doesNotContain("src=", "href=", "<link").contains("<div id=\"swagger-ui\">");
        assertThat(page).contains("url: '../schema/'");
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'none'").doesNotContain("http", "unsafe-eval", "script-src 'unsafe-inline'");
        int scripts = 0;
        for (int at = page.indexOf("<script>"); at >= 0; at = page.indexOf("<script>", page.indexOf("</script>", at)), scripts++) {
            String script = page.substring(at + "<script>".length(), page.indexOf("</script>", at));
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
            assertThat(policy).contains("'sha256-" + hash + "'");
        }
        assertThat(scripts).isEqualTo(2);
    }

    @Test
    void allowedOriginsGetCorsHeadersAndOthersDoNot() {
        WireResponse allowed = send("GET", "/api/products/", null, Map.of("Origin", "http://localhost:5173"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        WireResponse other = send("GET", "/api/products/", null, Map.of("Origin", "https://evil.example"));
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.header("Vary")).isEqualTo("Origin");
        assertThat(allowed.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void preflightIsAnsweredForAllowedOriginsOnly() {
        WireResponse preflight = send("OPTIONS", "/api/products/", null,
                Map.of("Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("authorization");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("86400");
        WireResponse denied = send("OPTIONS", "/api/products/", null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(denied.header("Access-Control-Allow-Origin")).isNull();
    }
}
