package dev.storefn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.Storefn;
import dev.storefn.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Real event files from {@code events/} through {@code FunctionInvoker}, each adapter in a fresh Spring context. */
class ApiGatewayLambdaTest {

    private static final Path EVENTS = Path.of("..", "events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FunctionInvoker httpApi;
    private static FunctionInvoker restApi;

    @BeforeAll
    static void freshContexts() throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
        System.setProperty("MAIN_CLASS", Storefn.class.getName());
        httpApi = new FunctionInvoker("httpApi");
        restApi = new FunctionInvoker("restApi");
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE products, users, rate_limit_counters RESTART IDENTITY CASCADE");
            statement.execute("""
                    INSERT INTO products (name, price, category, description, stock, slug)
                    VALUES ('Lambda Tee', 799.00, 'women', 'A tee served by a function, ₹ included', 7, 'lambda-tee'),
                           ('Cheap Tee', 99.00, 'men', 'Another tee', 1, 'cheap-tee')""");
        }
    }

    private static JsonNode invoke(FunctionInvoker invoker, String eventFile) throws IOException {
        return invoke(invoker, eventFile, "", "");
    }

    private static JsonNode invoke(FunctionInvoker invoker, String eventFile, String placeholder, String value) throws IOException {
        String event = Files.readString(EVENTS.resolve(eventFile));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event.replace(placeholder, value).getBytes()), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode invoke(FunctionInvoker invoker, JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static ObjectNode event(String eventFile) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(EVENTS.resolve(eventFile)));
    }

    @Test
    void aJsonArrayBodyIsOneRequestAnsweredWithTheFieldError() throws IOException {
        // The adapter, left to itself, calls a function once per element of an array body, with the element as the event.
        int client = 0;
        for (String body : new String[] {"[1]", "[{\"rawPath\": \"/health/\"}, 2]", "[]"}) {
            ObjectNode register = event("register-v2.json").put("body", body);
            // Each from an address of its own, so sign-up's rate limit does not decide the answer.
            ((ObjectNode) register.get("requestContext").get("http")).put("sourceIp", "198.18.7." + ++client);
            JsonNode answer = invoke(httpApi, register);
            assertThat(answer.get("statusCode").asInt()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(answer.get("body").asString()).get("non_field_errors").get(0).asString()).as(body)
                    .startsWith("Invalid data.");
        }
        ObjectNode v1 = event("login-v1.json").put("body", "[1]").put("isBase64Encoded", false);
        assertThat(invoke(restApi, v1).get("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void aClientsPayloadHeaderCannotReplaceTheEvent() throws IOException {
        // The adapter copies request headers into the message; its "payload" header would become the function's input.
        String forged = "[{\"version\": \"2.0\", \"routeKey\": \"$default\", \"rawPath\": \"/api/nothing/\","
                + " \"requestContext\": {\"http\": {\"method\": \"GET\", \"sourceIp\": \"10.0.0.1\"}}}]";
        ObjectNode health = event("health-v2.json");
        ((ObjectNode) health.get("headers")).put("payload", forged).put("aws-event", "false");
        JsonNode answer = invoke(httpApi, health);
        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(answer.get("body").asString()).get("status").asString()).isEqualTo("ok");
    }

    @Test
    void accountsWorkThroughBothEventVersions() throws IOException {
        JsonNode registered = invoke(httpApi, "register-v2.json");
        assertThat(registered.get("statusCode").asInt()).isEqualTo(201);
        assertThat(JSON.readTree(registered.get("body").asString()).get("user").get("email").asString()).isEqualTo("lambda@example.com");

        JsonNode login = invoke(restApi, "login-v1.json");
        assertThat(login.get("statusCode").asInt()).isEqualTo(200);
        String access = JSON.readTree(login.get("body").asString()).get("access").asString();

        JsonNode me = invoke(restApi, "me-v1.json", "ACCESS_TOKEN", access);
        assertThat(me.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(me.get("body").asString()).get("first_name").asString()).isEqualTo("Lambda");

        JsonNode anonymous = invoke(restApi, "me-v1.json", "Bearer ACCESS_TOKEN", "Token none");
        assertThat(anonymous.get("statusCode").asInt()).isEqualTo(401);
        assertThat(anonymous.get("headers").get("WWW-Authenticate").asString()).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void aCartRoundTripsThroughHttpApiEvents() throws IOException, SQLException {
        JsonNode registered = invoke(httpApi, "register-v2.json", "lambda@example.com", "lambda-cart@example.com");
        assertThat(registered.get("statusCode").asInt()).isEqualTo(201);
        String access = JSON.readTree(registered.get("body").asString()).get("access").asString();
        long tee;
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SELECT id FROM products WHERE slug = 'lambda-tee'");
            result.next();
            tee = result.getLong(1);
        }
        String addEvent = Files.readString(EVENTS.resolve("cart-add-v2.json")).replace("ACCESS_TOKEN", access)
                .replace("\\\"product_id\\\": 1,", "\\\"product_id\\\": " + tee + ",");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        httpApi.handleRequest(new ByteArrayInputStream(addEvent.getBytes()), out, null);
        JsonNode added = JSON.readTree(out.toByteArray());
        assertThat(added.get("statusCode").asInt()).isEqualTo(200);
        assertThat(added.get("body").asString()).isEqualTo("{\"message\":\"Added to cart\"}");

        JsonNode cart = invoke(httpApi, "cart-v2.json", "ACCESS_TOKEN", access);
        assertThat(cart.get("statusCode").asInt()).isEqualTo(200);
        JsonNode line = JSON.readTree(cart.get("body").asString()).get("items").get(0);
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("product").get("name").asString()).isEqualTo("Lambda Tee");
    }

    @Test
    void corsPreflightIsAnsweredByTheFunctionAsOnTheWeb() throws IOException {
        JsonNode preflight = invoke(httpApi, "preflight-v2.json");
        assertThat(preflight.get("statusCode").asInt()).isEqualTo(200);
        assertThat(preflight.get("headers").get("Access-Control-Allow-Origin").asString()).isEqualTo("http://localhost:5173");
        assertThat(preflight.get("headers").get("Access-Control-Allow-Methods").asString()).contains("POST");
    }

    @Test
    void anHttpApiEventGetsAnHttpApiResponse() throws IOException {
        JsonNode response = invoke(httpApi, "get-product-v2.json");
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("Content-Type").asString()).isEqualTo("application/json");
        assertThat(response.get("headers").has("X-Request-Id")).isTrue();
        JsonNode product = JSON.readTree(response.get("body").asString());
        assertThat(product.get("name").asString()).isEqualTo("Lambda Tee");
        assertThat(product.get("description").asString()).endsWith("₹ included");
        assertThat(product.get("price").asString()).isEqualTo("799.00");
    }

    @Test
    void aRestApiEventGetsARestApiResponseWithMultiValueHeaders() throws IOException {
        JsonNode response = invoke(restApi, "get-product-v1.json");
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("multiValueHeaders").get("Content-Type").get(0).asString()).isEqualTo("application/json");
        assertThat(JSON.readTree(response.get("body").asString()).get("slug").asString()).isEqualTo("lambda-tee");
    }

    @Test
    void bothEventVersionsGiveTheSameBody() throws IOException {
        assertThat(invoke(httpApi, "get-product-v2.json").get("body").asString())
                .isEqualTo(invoke(restApi, "get-product-v1.json").get("body").asString());
    }

    @Test
    void queryStringsArriveFromBothEventVersions() throws IOException {
        JsonNode page = JSON.readTree(invoke(httpApi, "list-products-v2.json").get("body").asString());
        assertThat(page.get("count").asInt()).isEqualTo(1);
        assertThat(page.get("results").get(0).get("name").asString()).isEqualTo("Lambda Tee");
        JsonNode list = JSON.readTree(invoke(restApi, "list-products-v1.json").get("body").asString());
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Cheap Tee");
    }

    @Test
    void errorsKeepTheirStatusAndJsonBody() throws IOException {
        JsonNode notFound = invoke(httpApi, "product-not-found-v2.json");
        assertThat(notFound.get("statusCode").asInt()).isEqualTo(404);
        assertThat(notFound.get("body").asString()).isEqualTo("{\"detail\":\"No Product matches the given query.\"}");
        JsonNode badFilter = invoke(restApi, "bad-price-filter-v1.json");
        assertThat(badFilter.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(badFilter.get("body").asString()).get("detail").asString()).isEqualTo("A valid number is required.");
    }

    @Test
    void healthAnswersThroughLambda() throws IOException {
        JsonNode health = invoke(httpApi, "health-v2.json");
        assertThat(health.get("statusCode").asInt()).isEqualTo(200);
        assertThat(health.get("body").asString()).isEqualTo("{\"status\":\"ok\"}");
    }
}
