package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.accounts.StaffAccounts;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;

/**
 * Catalog management over real HTTP, as the storefront's admin pages send it (FormData, multipart): the
 * original's permission tests, and images stored on local disk that the server then serves.
 */
class ProductAdminHttpTest extends HttpTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String NOT_AN_IMAGE = "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";

    @Autowired
    StaffAccounts staffAccounts;

    private String staff;
    private String regular;
    private long product;

    /** The original's fixtures: a regular user, a staff user and "Test Product" (99.99, men, stock 10). */
    @BeforeEach
    void fixtures() {
        int n = PEOPLE.incrementAndGet();
        staffAccounts.createOrReset("admin" + n + "@example.com", "staff password", true);
        staff = expect(200, "POST", "/api/login/", "{\"email\":\"admin" + n + "@example.com\",\"password\":\"staff password\"}", null)
                .body().get("access").asString();
        regular = signUp("regular" + n + "@example.com");
        product = product("Test Product", "99.99", 10);
    }

    /** The fields of the original's permission tests: name, price 49.99, category women, description, stock 5. */
    private static Form productForm() {
        return new Form().field("name", "New Product").field("price", "49.99").field("category", "women")
                .field("description", "A product for the permission tests").field("stock", "5");
    }

    private HttpResponse<byte[]> send(String method, String path, Form form, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .header("Content-Type", form.contentType());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode expectForm(int status, String method, String path, Form form, String token) {
        HttpResponse<byte[]> response = send(method, path, form, token);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(method + " " + path + ": " + body).isEqualTo(status);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private byte[] download(String url) throws Exception {
        // The URL names PUBLIC_BASE_URL's host and port; the test's server listens on a port of its own.
        String path = URI.create(url).getRawPath();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Test
    void aNonStaffUserCannotCreateAProduct() {
        expectForm(403, "POST", "/api/products/create/", productForm(), regular);
        expectForm(401, "POST", "/api/products/create/", productForm(), null);
    }

    @Test
    void aStaffUserCreatesAProduct() {
        JsonNode created = expectForm(201, "POST", "/api/products/create/", productForm(), staff);
        assertThat(created.get("name").asString()).isEqualTo("New Product");
        assertThat(created.get("price").asString()).isEqualTo("49.99");
    }

    @Test
    void aNonStaffUserCannotChangeAProduct() {
        expectForm(403, "PATCH", "/api/products/" + product + "/", new Form().field("name", "Hacked"), regular);
        expectForm(401, "PATCH", "/api/products/" + product + "/", new Form().field("name", "Hacked"), null);
        assertThat(expect(200, "GET", "/api/products/" + product + "/", null, null).body().get("name").asString())
                .isEqualTo("Test Product");
    }

    @Test
    void aStaffUserChangesAProduct() {
        assertThat(expectForm(200, "PATCH", "/api/products/" + product + "/", new Form().field("name", "Updated Product"), staff)
                .get("name").asString()).isEqualTo("Updated Product");
    }

    @Test
    void aNonStaffUserCannotDeleteAProduct() {
        expect(403, "DELETE", "/api/products/" + product + "/", null, regular);
        expect(401, "DELETE", "/api/products/" + product + "/", null, null);
        expect(200, "GET", "/api/products/" + product + "/", null, null);
    }

    @Test
    void aStaffUserDeletesAProduct() {
        Answer deleted = expect(204, "DELETE", "/api/products/" + product + "/", null, staff);
        assertThat(deleted.raw()).isEmpty();
        expect(404, "GET", "/api/products/" + product + "/", null, null);
    }

    @Test
    void anyoneReadsAProduct() {
        expect(200, "GET", "/api/products/" + product + "/", null, null);
        expect(200, "GET", "/api/products/" + product + "/", null, regular);
    }

    @Test
    void anUploadedImageIsServedAtTheUrlTheProductGives() throws Exception {
        byte[] png = png(120, 90, 1);
        JsonNode created = expectForm(201, "POST", "/api/products/create/",
                productForm().file("image", "new product.png", "image/png", png), staff);
        String image = created.get("image").asString();
        assertThat(image).matches("http://localhost:[0-9]+/media/products/" + created.get("id").asLong() + "-new-product-[0-9a-f]{10}\\.png");
        assertThat(download(image)).isEqualTo(png);

        byte[] replacement = png(60, 60, 2);
        JsonNode changed = expectForm(200, "PATCH", "/api/products/" + created.get("id").asLong() + "/",
                new Form().file("image", "other.png", "image/png", replacement), staff);
        assertThat(download(changed.get("image").asString())).isEqualTo(replacement);
        String oldPath = URI.create(image).getRawPath();
        // The replaced file is removed just after the change commits, as a provider action, not within the answer.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + oldPath)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the replaced image").isEqualTo(404));
    }

    @Test
    void aRenamedTextFileATruncatedPngAndAnElevenMegabyteImageAreRefused() {
        long before = jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
        JsonNode text = expectForm(400, "POST", "/api/products/create/",
                productForm().file("image", "photo.png", "image/png", "this is text, not a picture".getBytes(StandardCharsets.UTF_8)), staff);
        assertThat(text.get("image").get(0).asString()).isEqualTo(NOT_AN_IMAGE);
        assertThat(text.get("detail").asString()).isEqualTo(NOT_AN_IMAGE);

        byte[] whole = png(200, 150, 3);
        JsonNode truncated = expectForm(400, "POST", "/api/products/create/",
                productForm().file("image", "photo.png", "image/png", Arrays.copyOf(whole, whole.length / 2)), staff);
        assertThat(truncated.get("image").get(0).asString()).isEqualTo(NOT_AN_IMAGE);

        byte[] big = noisyPng(11 * 1024 * 1024);
        JsonNode tooLarge = expectForm(413, "POST", "/api/products/create/",
                productForm().file("image", "big.png", "image/png", big), staff);
        assertThat(ThroughLambda.sizeRefusal(tooLarge)).isEqualTo(ThroughLambda.expectedSizeRefusal());
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isEqualTo(before);
    }

    static byte[] png(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(new Random(seed).nextInt(0xFFFFFF)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return encode(image);
    }

    private static byte[] noisyPng(int bytes) {
        int side = (int) Math.ceil(Math.sqrt(bytes / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        byte[] png = encode(image);
        assertThat(png.length).isGreaterThan(11 * 1000 * 1000);
        return png;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body, as a browser's FormData sends it. */
    static final class Form {

        private static final String BOUNDARY = "----storefn-http-test";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Form file(String name, String fileName, String type, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return copy.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
