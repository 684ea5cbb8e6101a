package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.storefn.Storefn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses by itself, written byte by byte on a socket (HTTP clients refuse to send most
 * of them): every answer is the JSON error shape, never Tomcat's HTML page.
 */
@SpringBootTest(classes = Storefn.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatJsonErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDirectory = TemporaryDataDirectory.create("storefn-tomcat-test");
        registry.add("STOREFN_DATA_DIR", dataDirectory::toString);
    }

    @LocalServerPort
    int port;

    /** A raw HTTP answer: status, headers (lower-case names) and the body, de-chunked. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete HTTP answer: " + text).isPositive();
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static void assertJsonError(String what, Answer answer) {
        assertThat(answer.status()).as(what + ": " + answer).isBetween(400, 499);
        assertJsonShape(what, answer);
    }

    private static void assertJsonShape(String what, Answer answer) {
        assertThat(answer.headers().get("content-type")).as(what + ": " + answer).isEqualTo("application/json");
        assertThat(answer.body()).as(what).doesNotContainIgnoringCase("<html");
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.isObject()).as(what + ": " + answer.body()).isTrue();
        assertThat(json.get("detail")).as(what + ": " + answer.body()).isNotNull();
        assertThat(json.get("detail").isString()).as(what + ": " + answer.body()).isTrue();
        assertThat(json.get("detail").asString()).as(what).isNotBlank();
    }

    @Test
    void headersOverTheLimitAreJson() throws Exception {
        Answer answer = send("GET /api/products/ HTTP/1.1\r\nHost: localhost\r\nCookie: big=" + "a".repeat(20 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertJsonError("a 20 KB header", answer);
        assertThat(answer.body()).isEqualTo("{\"detail\":\"Bad Request.\"}");
    }

    @Test
    void aBigCookieAndALongBearerTokenStillFit() throws Exception {
        // Over Tomcat's default of 8 KB, within the runner's 16 KB.
        Answer answer = send("GET /api/products/ HTTP/1.1\r\nHost: localhost\r\nCookie: big=" + "a".repeat(9 * 1024)
                + "\r\nAuthorization: Bearer " + "b".repeat(2 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
    }

    @Test
    void pathsTomcatRefusesAreJson() throws Exception {
        for (String path : new String[] {"/api/products/%00/", "/api/%2F/", "/api/products/%2e%2e/%2e%2e/etc/passwd",
                "/media/%00", "/api/{x}/", "/api/" + "a".repeat(20 * 1024) + "/"}) {
            assertJsonError("GET " + path.substring(0, Math.min(path.length(), 40)),
                    send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        }
    }

    @Test
    void malformedRequestsAreJson() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("garbage request line", "\u0016\u0003\u0001garbage\r\n\r\n");
        requests.put("too many spaces", "GET /a b c d\r\n\r\n");
        requests.put("bad method", "G@T / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        requests.put("no Host", "GET /api/products/ HTTP/1.1\r\n\r\n");
        requests.put("bad header name", "GET /api/products/ HTTP/1.1\r\nHost: localhost\r\nBad Header: y\r\n\r\n");
        requests.put("bad Content-Length", "POST /api/login/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n");
        requests.put("bad chunk", "POST /api/login/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nzz\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            assertJsonError(request.getKey(), send(request.getValue()));
        }
    }

    @Test
    void anUnsupportedHttpVersionIsJsonToo() throws Exception {
        Answer answer = send("GET / HTTP/2.5\r\nHost: localhost\r\n\r\n");
        assertThat(answer.status()).isEqualTo(505);
        assertJsonShape("HTTP/2.5", answer);
    }

    @Test
    void errorsOfTheErrorControllerAreStillJson() throws Exception {
        Answer missing = send("GET /media/products/none.png HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        Answer trace = send("TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertJsonError("TRACE", trace);
        assertThat(trace.status()).isEqualTo(405);
    }
}
