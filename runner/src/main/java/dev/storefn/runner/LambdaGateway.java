package dev.storefn.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.storefn.Storefn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code serve --via-lambda}: a local HTTP server that turns every request into an API Gateway HTTP API (v2)
 * event, or a REST API (v1) one with {@code --payload v1}, runs it through {@code FunctionInvoker} as Lambda
 * would, and writes the response event back as HTTP: status, headers, several cookies, base64 bodies. What
 * {@code sam local start-api} does, without Docker, and with the real handler.
 */
final class LambdaGateway implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final FunctionInvoker invoker;
    private final boolean restApi;

    private LambdaGateway(HttpServer server, FunctionInvoker invoker, boolean restApi) {
        this.server = server;
        this.invoker = invoker;
        this.restApi = restApi;
    }

    /** Boots the function as Lambda would (one instance: one request at a time) and serves on {@code host:port}. */
    static LambdaGateway start(String host, int port, boolean restApi) throws IOException {
        System.setProperty("MAIN_CLASS", Storefn.class.getName());
        FunctionInvoker invoker = new FunctionInvoker(restApi ? "restApi" : "httpApi");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        LambdaGateway gateway = new LambdaGateway(server, invoker, restApi);
        server.createContext("/", gateway::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return gateway;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] event = JSON.writeValueAsBytes(restApi ? restApiEvent(exchange, body) : httpApiEvent(exchange, body));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // A Lambda instance serves one request at a time; so does this one.
            synchronized (invoker) {
                invoker.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext());
            }
            write(exchange, JSON.readTree(out.toByteArray()));
        }
    }

    private static ObjectNode httpApiEvent(HttpExchange exchange, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", exchange.getRequestURI().getRawPath())
                .put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if ("cookie".equalsIgnoreCase(name)) {
                values.forEach(cookie -> List.of(cookie.split(";\\s*")).forEach(event.withArray("cookies")::add));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        event.putObject("requestContext").put("stage", "$default").putObject("http")
                .put("method", exchange.getRequestMethod()).put("path", exchange.getRequestURI().getRawPath())
                .put("protocol", "HTTP/1.1").put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        putBody(event, body);
        return event;
    }

    private static ObjectNode restApiEvent(HttpExchange exchange, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/{proxy+}").put("path", exchange.getRequestURI().getPath()).put("httpMethod", exchange.getRequestMethod());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(0));
            values.forEach(multiValueHeaders.withArray(name)::add);
        });
        ObjectNode query = event.putObject("multiValueQueryStringParameters");
        String raw = exchange.getRequestURI().getRawQuery();
        dev.storefn.platform.wire.QueryStrings.parse(raw).forEach((name, values) -> values.forEach(query.withArray(name)::add));
        event.putObject("requestContext").put("stage", "prod").putObject("identity")
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        putBody(event, body);
        return event;
    }

    private static void putBody(ObjectNode event, byte[] body) {
        if (body.length > 0) {
            // API Gateway base64-encodes what it does not know to be text; encoding always is the safe choice.
            event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        }
    }

    private static void write(HttpExchange exchange, JsonNode response) throws IOException {
        JsonNode headers = response.path("headers");
        for (String name : headers.propertyNames()) {
            if (!"content-length".equalsIgnoreCase(name)) {
                exchange.getResponseHeaders().add(name, headers.get(name).asString());
            }
        }
        response.path("cookies").forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie.asString()));
        JsonNode multiValue = response.path("multiValueHeaders");
        if (multiValue.isObject() && multiValue.has("Set-Cookie")) {
            multiValue.get("Set-Cookie").forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie.asString()));
        }
        String text = response.path("body").asString("");
        byte[] body = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        int status = response.path("statusCode").asInt(502);
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
