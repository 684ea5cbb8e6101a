package dev.storefn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the two Cloudinary API routes storefn calls, so tests run the real SDK over real HTTP:
 * {@code POST /v1_1/{cloud}/image/upload} and {@code .../image/destroy} (signed multipart forms, checked as
 * Cloudinary checks them: SHA-1 over the sorted parameters and the API secret), and delivery of what was
 * uploaded at the {@code secure_url} it answers.
 */
public final class CloudinaryStandIn implements AutoCloseable {

    public static final String CLOUD = "storefn-test";
    public static final String API_KEY = "123456789012345";
    public static final String API_SECRET = "stand-in-api-secret";

    /** A request the stand-in received: its form fields, the file (uploads), whether its signature held. */
    public record Call(Map<String, String> fields, byte[] file, boolean signed, String observed) {

        public String publicId() {
            return fields.get("public_id");
        }
    }

    private static final Pattern DELIVERY = Pattern.compile("/" + CLOUD + "/image/upload/v[0-9]+/(.+)\\.[a-z]+");

    private final HttpServer server;
    private final List<Call> uploads = new CopyOnWriteArrayList<>();
    private final List<Call> destroys = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean failing;
    private volatile boolean failingDestroys;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile Function<String, String> onDestroy = publicId -> null;
    private volatile Runnable onUpload = () -> {
    };

    public CloudinaryStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        // A thread per call: a held call must not hold the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Where the SDK should send its calls: {@code CLOUDINARY_UPLOAD_PREFIX}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String cloudinaryUrl() {
        return "cloudinary://" + API_KEY + ":" + API_SECRET + "@" + CLOUD;
    }

    public List<Call> uploads() {
        return List.copyOf(uploads);
    }

    /** API calls that arrived, held ones included. */
    public int received() {
        return received.get();
    }

    public List<Call> destroys() {
        return List.copyOf(destroys);
    }

    public boolean holds(String publicId) {
        return assets.containsKey(publicId);
    }

    /** From now on every API call answers 500, as an outage would. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** From now on destroys answer 500 (uploads still work): an image that cannot be removed. */
    public void failingDestroys(boolean failing) {
        this.failingDestroys = failing;
    }

    /** From now on API calls hang until {@link #release()}: Cloudinary on a bad day. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    /** Runs when an upload arrives, before it is answered (to change the database meanwhile). */
    public void onUpload(Runnable action) {
        this.onUpload = action;
    }

    /** Runs when a destroy arrives; what it returns is recorded with the call (what the database showed then). */
    public void onDestroy(Function<String, String> observer) {
        this.onDestroy = observer;
    }

    public void reset() {
        uploads.clear();
        destroys.clear();
        assets.clear();
        failing = false;
        failingDestroys = false;
        release();
        onDestroy = publicId -> null;
        onUpload = () -> {
        };
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                Matcher delivery = DELIVERY.matcher(path);
                byte[] asset = delivery.matches() ? assets.get(delivery.group(1)) : null;
                answer(exchange, asset == null ? 404 : 200, asset == null ? new byte[0] : asset, "image/png");
                return;
            }
            received.incrementAndGet();
            try {
                held.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (failing || failingDestroys && path.endsWith("/image/destroy")) {
                answer(exchange, 500, "{\"error\":{\"message\":\"stand-in outage\"}}".getBytes(StandardCharsets.UTF_8),
                        "application/json");
                return;
            }
            Map<String, byte[]> parts = parts(exchange);
            Map<String, String> fields = new LinkedHashMap<>();
            parts.forEach((name, value) -> {
                if (!name.equals("file")) {
                    fields.put(name, new String(value, StandardCharsets.UTF_8));
                }
            });
            boolean signed = signed(fields);
            if (path.equals("/v1_1/" + CLOUD + "/image/upload")) {
                upload(exchange, fields, parts.get("file"), signed);
            } else if (path.equals("/v1_1/" + CLOUD + "/image/destroy")) {
                String publicId = fields.get("public_id");
                destroys.add(new Call(fields, null, signed, onDestroy.apply(publicId)));
                boolean found = signed && assets.remove(publicId) != null;
                answer(exchange, 200, ("{\"result\":\"" + (found ? "ok" : "not found") + "\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json");
            } else {
                answer(exchange, 404, "{\"error\":{\"message\":\"no such route\"}}".getBytes(StandardCharsets.UTF_8), "application/json");
            }
        }
    }

    private void upload(HttpExchange exchange, Map<String, String> fields, byte[] file, boolean signed) throws IOException {
        uploads.add(new Call(fields, file, signed, null));
        onUpload.run();
        if (!signed || file == null) {
            answer(exchange, 401, "{\"error\":{\"message\":\"Invalid Signature\"}}".getBytes(StandardCharsets.UTF_8),
                    "application/json");
            return;
        }
        String folder = fields.getOrDefault("folder", "");
        String publicId = (folder.isEmpty() ? "" : folder + "/") + fields.getOrDefault("public_id", "upload" + uploads.size());
        String format = file[0] == (byte) 0x89 ? "png" : file[0] == (byte) 0xFF ? "jpg" : file[0] == 'G' ? "gif" : "webp";
        long version = 1_700_000_000L + uploads.size();
        assets.put(publicId, file);
        String secureUrl = url() + "/" + CLOUD + "/image/upload/v" + version + "/" + publicId + "." + format;
        String json = "{\"public_id\":\"" + publicId + "\",\"version\":" + version + ",\"format\":\"" + format
                + "\",\"resource_type\":\"image\",\"bytes\":" + file.length + ",\"secure_url\":\"" + secureUrl + "\"}";
        answer(exchange, 200, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** Cloudinary's signature: SHA-1 of the sorted {@code key=value} pairs joined by {@code &}, then the secret. */
    private static boolean signed(Map<String, String> fields) {
        if (!API_KEY.equals(fields.get("api_key")) || fields.get("signature") == null) {
            return false;
        }
        String signedParameters = new TreeMap<>(fields).entrySet().stream()
                .filter(entry -> !entry.getKey().equals("signature") && !entry.getKey().equals("api_key"))
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((signedParameters + API_SECRET).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).equals(fields.get("signature"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> parts(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type == null ? "" : type);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        if (!boundary.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int at = indexOf(body, delimiter, 0); at >= 0; at = indexOf(body, delimiter, at + delimiter.length)) {
            starts.add(at);
        }
        for (int i = 0; i + 1 < starts.size(); i++) {
            int from = starts.get(i) + delimiter.length + 2;
            int to = starts.get(i + 1) - 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), from);
            String headers = new String(body, from, headersEnd - from, StandardCharsets.ISO_8859_1);
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (name.find()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(body, headersEnd + 4, to - headersEnd - 4);
                parts.put(name.group(1), content.toByteArray());
            }
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
