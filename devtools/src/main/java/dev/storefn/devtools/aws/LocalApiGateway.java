package dev.storefn.devtools.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import dev.storefn.lambda.ApiGatewayFunctions;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What API Gateway does in front of the function, on this machine: a request becomes an HTTP API (v2) or
 * REST API (v1) proxy event, the event goes through {@code FunctionInvoker} exactly as the Lambda runtime
 * hands it over, and the response event becomes status, headers, cookies and body again. One instance
 * serves one request at a time, as a Lambda instance does. {@code serve --via-lambda} and the tests that
 * run the shop through the Lambda path both use it.
 */
public final class LocalApiGateway {

    /** The two proxy payload formats, and the function the template binds to each. */
    public enum Payload {
        HTTP_API(ApiGatewayFunctions.HTTP_API), REST_API(ApiGatewayFunctions.REST_API);

        final String definition;

        Payload(String definition) {
            this.definition = definition;
        }
    }

    /** One HTTP request as it reaches API Gateway: the raw (still percent-encoded) path and query. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
            String sourceIp) {
    }

    /**
     * The template's settings that shape a local instance as they shape a deployed one: one connection, none
     * opened during init, metric lines on standard output. Migrations do run on start here, unlike on Lambda: locally nobody runs a deploy's
     * {@code migrate} step first (they use connections of their own, so the pool of one is no obstacle).
     */
    static final Map<String, String> INSTANCE_ENVIRONMENT = Map.of(
            "MAIN_CLASS", SamTemplate.FIXED_ENVIRONMENT.get("MAIN_CLASS"),
            "DB_POOL_SIZE", SamTemplate.FIXED_ENVIRONMENT.get("DB_POOL_SIZE"),
            "DB_MIN_IDLE", SamTemplate.FIXED_ENVIRONMENT.get("DB_MIN_IDLE"),
            "STOREFN_METRIC_LINES", SamTemplate.FIXED_ENVIRONMENT.get("STOREFN_METRIC_LINES"));

    /**
     * Lambda takes events of at most 6 MB, base64 included (a binary upload of about 4.5 MB), and API Gateway
     * then answers 413 without calling the function: a limit the web adapter's 10 MB does not show.
     */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    private static final WireResponse TOO_LARGE = WireResponse.json(413, "{\"message\":\"Request Entity Too Large\"}");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Payload payload;
    private final FunctionInvoker invoker;

    private LocalApiGateway(Payload payload, FunctionInvoker invoker) {
        this.payload = payload;
        this.invoker = invoker;
    }

    /**
     * Boots one instance (a fresh Spring context, as a cold start does) with the template's instance settings
     * where the environment has none, and {@code properties} on top.
     */
    public static LocalApiGateway start(Payload payload, Map<String, String> properties) {
        return new LocalApiGateway(payload, boot(payload.definition, properties));
    }

    /** A fresh instance of the function {@code definition} names, as a cold start makes one. */
    static FunctionInvoker boot(String definition, Map<String, String> properties) {
        Map<String, String> settings = new HashMap<>();
        INSTANCE_ENVIRONMENT.forEach((name, value) -> {
            if (System.getenv(name) == null && System.getProperty(name) == null) {
                settings.put(name, value);
            }
        });
        settings.putAll(properties);
        return withSystemProperties(settings, () -> new FunctionInvoker(definition));
    }

    /**
     * Runs {@code boot} with these system properties set, then puts the previous values back: a context reads
     * its settings while it starts, and a test JVM holds several contexts whose settings must not leak.
     */
    public static <T> T withSystemProperties(Map<String, String> properties, Supplier<T> boot) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        try {
            return boot.get();
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    public Payload payload() {
        return payload;
    }

    /** The answer to one request, through the handler. */
    public WireResponse handle(Request request) {
        // A body whose base64 alone is over the limit need not be encoded to be refused.
        if (request.body() != null && (request.body().length + 2L) / 3 * 4 > MAX_EVENT_BYTES) {
            return TOO_LARGE;
        }
        ObjectNode event = payload == Payload.HTTP_API ? httpApiEvent(request) : restApiEvent(request);
        byte[] bytes = JSON.writeValueAsBytes(event);
        if (bytes.length > MAX_EVENT_BYTES) {
            return TOO_LARGE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synchronized (this) {
            try {
                invoker.handleRequest(new ByteArrayInputStream(bytes), out, new LocalLambdaContext());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response(JSON.readTree(out.toByteArray()));
    }

    private static ObjectNode httpApiEvent(Request request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", request.rawPath())
                .put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if ("cookie".equalsIgnoreCase(name)) {
                // HTTP API takes cookies out of the headers, one array element per cookie.
                values.forEach(cookie -> List.of(cookie.split(";\\s*")).forEach(event.withArray("cookies")::add));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            QueryStrings.parse(request.rawQuery()).forEach((name, values) -> query.put(name, String.join(",", values)));
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000").put("apiId", "local").put("domainName", host(request)).put("domainPrefix", "local")
                .put("requestId", UUID.randomUUID().toString()).put("routeKey", "$default").put("stage", "$default")
                .put("time", REQUEST_TIME.format(now)).put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", request.method()).put("path", request.rawPath()).put("protocol", "HTTP/1.1")
                .put("sourceIp", request.sourceIp()).put("userAgent", first(request.headers(), "user-agent"));
        if (request.body() != null && request.body().length > 0) {
            // HTTP API passes text as text and base64-encodes everything else.
            String text = text(request);
            if (text != null) {
                event.put("body", text).put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(request.body())).put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static ObjectNode restApiEvent(Request request) {
        ObjectNode event = JSON.createObjectNode();
        String path = decodedPath(request.rawPath());
        event.put("resource", "/{proxy+}").put("path", path).put("httpMethod", request.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        request.headers().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            values.forEach(multiValueHeaders.withArray(name)::add);
        });
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            QueryStrings.parse(request.rawQuery()).forEach((name, values) -> {
                single.put(name, values.get(values.size() - 1));
                values.forEach(multi.withArray(name)::add);
            });
        }
        event.putObject("pathParameters").put("proxy", path.substring(1));
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000").put("apiId", "local").put("resourcePath", "/{proxy+}")
                .put("httpMethod", request.method()).put("path", "/prod" + path).put("stage", "prod")
                .put("requestId", UUID.randomUUID().toString()).put("requestTimeEpoch", System.currentTimeMillis());
        context.putObject("identity").put("sourceIp", request.sourceIp()).put("userAgent", first(request.headers(), "user-agent"));
        if (request.body() != null && request.body().length > 0) {
            // A REST API with binary media types */* (what binary uploads need) hands every body over in base64.
            event.put("body", Base64.getEncoder().encodeToString(request.body())).put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static WireResponse response(JsonNode event) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode multiValue = event.path("multiValueHeaders");
        for (String name : multiValue.propertyNames()) {
            List<String> values = new ArrayList<>();
            multiValue.get(name).forEach(value -> values.add(value.asString()));
            headers.put(name, values);
        }
        JsonNode single = event.path("headers");
        for (String name : single.propertyNames()) {
            // Where both carry a header, API Gateway keeps the multi-value one.
            if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                headers.put(name, List.of(single.get(name).asString()));
            }
        }
        headers.keySet().removeIf("content-length"::equalsIgnoreCase);
        List<String> cookies = new ArrayList<>();
        event.path("cookies").forEach(cookie -> cookies.add(cookie.asString()));
        if (!cookies.isEmpty()) {
            headers.put("Set-Cookie", cookies);
        }
        String body = event.path("body").asString("");
        byte[] bytes = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        // Without a status code API Gateway answers 502: the integration's answer was malformed.
        return new WireResponse(event.path("statusCode").asInt(502), headers, bytes);
    }

    private static String text(Request request) {
        String type = first(request.headers(), "content-type");
        if (type == null || !(type.startsWith("application/json") || type.startsWith("text/")
                || type.startsWith("application/x-www-form-urlencoded"))) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request.body())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** REST API events carry the path decoded. A path that does not decode goes as it came, for the handler to refuse. */
    private static String decodedPath(String rawPath) {
        try {
            String path = java.net.URI.create(rawPath).getPath();
            return path == null || path.isEmpty() ? rawPath : path;
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static String host(Request request) {
        String host = first(request.headers(), "host");
        return host == null ? "localhost" : host;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
