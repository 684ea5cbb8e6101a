package dev.storefn.devtools.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.StandardEnvironment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.storefn.devtools.database.DataDirectory;
import dev.storefn.devtools.aws.LocalApiGateway;
import dev.storefn.devtools.aws.LocalSchedule;
import dev.storefn.platform.wire.WireResponse;

/**
 * {@code serve --via-lambda}: a local HTTP server that turns every request into an API Gateway HTTP API (v2)
 * event, or a REST API (v1) one with {@code --payload v1}, runs it through {@code FunctionInvoker} as Lambda
 * would, and writes the response event back as HTTP: status, headers, several cookies, base64 bodies. What
 * {@code sam local start-api} does, without Docker, and with the real handler. Beside it, the schedule's
 * function gets an EventBridge event every {@code STOREFN_JOBS_INTERVAL}, and {@code /media/} is served from
 * local disk, as a CDN would serve the media bucket.
 */
public final class LambdaGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaGateway.class);

    private final HttpServer server;
    private final LocalApiGateway gateway;
    private final Path media;
    private final ScheduledExecutorService clock;

    private LambdaGateway(HttpServer server, LocalApiGateway gateway, Path media, ScheduledExecutorService clock) {
        this.server = server;
        this.gateway = gateway;
        this.media = media;
        this.clock = clock;
    }

    /**
     * Boots the function as Lambda would (one instance: one request at a time), with {@code properties} as its
     * settings on top of the environment, and serves on {@code host:port}.
     */
    public static LambdaGateway start(String host, int port, LocalApiGateway.Payload payload, Map<String, String> properties)
            throws IOException {
        LocalApiGateway gateway = LocalApiGateway.start(payload, properties);
        StandardEnvironment environment = new StandardEnvironment();
        Path media = LocalApiGateway.withSystemProperties(properties, () -> DataDirectory.media(environment)).toAbsolutePath().normalize();
        Duration interval = LocalApiGateway.withSystemProperties(properties,
                () -> Duration.parse(environment.getProperty("STOREFN_JOBS_INTERVAL", "PT1M")));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "storefn-schedule");
            thread.setDaemon(true);
            return thread;
        });
        LocalSchedule schedule = new LocalSchedule(properties);
        clock.scheduleWithFixedDelay(() -> runJobs(schedule), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        LambdaGateway local = new LambdaGateway(server, gateway, media, clock);
        server.createContext("/", local::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return local;
    }

    private static void runJobs(LocalSchedule schedule) {
        try {
            log.info("Scheduled jobs: {}", schedule.run());
        } catch (RuntimeException e) {
            log.warn("Scheduled jobs failed; the next tick tries again", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/media/") && ("GET".equals(method) || "HEAD".equals(method))) {
                write(exchange, MediaFile.answer(media, exchange.getRequestURI().getPath()));
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            write(exchange, gateway.handle(new LocalApiGateway.Request(method, path, exchange.getRequestURI().getRawQuery(), headers,
                    body, exchange.getRemoteAddress().getAddress().getHostAddress())));
        }
    }

    private static void write(HttpExchange exchange, WireResponse response) throws IOException {
        response.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            exchange.getResponseBody().write(response.body());
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        server.stop(0);
    }

    /** A file under the media directory, or a JSON 404: never a path outside it. */
    private static final class MediaFile {

        private static final WireResponse NOT_FOUND = WireResponse.json(404, "{\"detail\":\"Not found.\"}");

        static WireResponse answer(Path root, String decodedPath) throws IOException {
            Path file = root.resolve(decodedPath.substring("/media/".length())).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return NOT_FOUND;
            }
            String type = Files.probeContentType(file);
            return new WireResponse(200, Map.of("Content-Type", List.of(type == null ? "application/octet-stream" : type),
                    "Cache-Control", List.of("max-age=604800, public")), Files.readAllBytes(file));
        }
    }
}
