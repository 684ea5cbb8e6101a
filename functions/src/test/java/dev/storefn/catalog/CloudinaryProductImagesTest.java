package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.storefn.CloudinaryStandIn;
import dev.storefn.MultipartBody;
import dev.storefn.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * Product images in Cloudinary, through the real cloudinary-http44 SDK against a local stand-in of its API
 * ({@code CLOUDINARY_UPLOAD_PREFIX}): signed uploads, the {@code secure_url} stored, old assets destroyed once
 * the change has committed (by a provider action, just after the answer). Outages: {@link CloudinaryOutagesTest}.
 */
class CloudinaryProductImagesTest extends CatalogTestSupport {

    private static final CloudinaryStandIn CLOUDINARY = new CloudinaryStandIn();
    private static final Path MEDIA = Path.of(System.getProperty("MEDIA_ROOT"));

    @DynamicPropertySource
    static void cloudinary(DynamicPropertyRegistry registry) {
        registry.add("CLOUDINARY_URL", CLOUDINARY::cloudinaryUrl);
        registry.add("CLOUDINARY_UPLOAD_PREFIX", CLOUDINARY::url);
    }

    @AfterAll
    static void stop() {
        CLOUDINARY.close();
    }

    @Autowired
    Catalog catalog;

    @BeforeEach
    void freshStandIn() {
        CLOUDINARY.reset();
        // What the product's row shows at the moment a destroy arrives: proof that it came after the commit.
        CLOUDINARY.onDestroy(publicId -> jdbc.sql("SELECT coalesce(max(image), 'no product') FROM products")
                .query(String.class).single());
    }

    private JsonNode createWith(String name, byte[] image) {
        return expect(201, multipart("POST", "/api/products/create/", productForm(name).file("image", "photo.png", "image/png", image),
                staff));
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Test
    void anUploadIsASignedSdkCallAndTheProductStoresItsSecureUrl() throws Exception {
        byte[] png = TestImages.picture("png", 41);
        long filesBefore = Files.exists(MEDIA) ? Files.walk(MEDIA).count() : 0;
        JsonNode created = createWith("Cloud Tee", png);

        assertThat(CLOUDINARY.uploads()).hasSize(1);
        CloudinaryStandIn.Call upload = CLOUDINARY.uploads().get(0);
        assertThat(upload.signed()).isTrue();
        assertThat(upload.fields()).containsEntry("api_key", CloudinaryStandIn.API_KEY).containsEntry("folder", "products")
                .containsKeys("timestamp", "signature");
        assertThat(upload.publicId()).matches(created.get("id").asLong() + "-cloud-tee-[0-9a-f]{10}");
        assertThat(upload.file()).isEqualTo(png);

        String image = created.get("image").asString();
        assertThat(image).startsWith(CLOUDINARY.url() + "/" + CloudinaryStandIn.CLOUD + "/image/upload/v")
                .endsWith("/products/" + upload.publicId() + ".png");
        assertThat(jdbc.sql("SELECT image FROM products WHERE id = ?").param(created.get("id").asLong()).query(String.class).single())
                .isEqualTo(image);
        assertThat(download(image)).isEqualTo(png);
        assertThat(Files.exists(MEDIA) ? Files.walk(MEDIA).count() : 0).as("nothing on local disk").isEqualTo(filesBefore);
    }

    @Test
    void replacingAnImageDestroysTheOldAssetOnceTheChangeHasCommitted() {
        JsonNode created = createWith("Replaced Tee", TestImages.picture("png", 42));
        long id = created.get("id").asLong();
        String oldPublicId = "products/" + CLOUDINARY.uploads().get(0).publicId();

        JsonNode replaced = expect(200, multipart("PATCH", "/api/products/" + id + "/",
                new MultipartBody().file("image", "new.jpg", "image/jpeg", TestImages.picture("jpg", 43)), staff));

        assertThat(replaced.get("image").asString()).isNotEqualTo(created.get("image").asString()).endsWith(".jpg");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CLOUDINARY.destroys()).hasSize(1));
        CloudinaryStandIn.Call destroy = CLOUDINARY.destroys().get(0);
        assertThat(destroy.signed()).isTrue();
        assertThat(destroy.publicId()).isEqualTo(oldPublicId);
        assertThat(destroy.observed()).as("the row when the destroy arrived").isEqualTo(replaced.get("image").asString());
        assertThat(CLOUDINARY.holds(oldPublicId)).isFalse();
    }

    @Test
    void deletingAProductDestroysItsAssetAfterTheRowIsGone() {
        JsonNode created = createWith("Deleted Tee", TestImages.picture("png", 44));
        expect(204, json("DELETE", "/api/products/" + created.get("id").asLong() + "/", null, staff));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CLOUDINARY.destroys())
                .extracting(CloudinaryStandIn.Call::observed).containsExactly("no product"));
        assertThat(CLOUDINARY.destroys().get(0).publicId()).isEqualTo("products/" + CLOUDINARY.uploads().get(0).publicId());
    }

    @Test
    void imagesCarriedOverFromTheOriginalAreAddressedAndDestroyedAsItsStorageDid() {
        long legacy = expect(201, json("POST", "/api/products/create/", productJson("Legacy Tee"), staff)).get("id").asLong();
        long external = expect(201, json("POST", "/api/products/create/", productJson("External Tee"), staff)).get("id").asLong();
        jdbc.sql("UPDATE products SET image = 'media/products/tshirt_x7k2qa' WHERE id = ?").param(legacy).update();
        jdbc.sql("UPDATE products SET image = 'https://images.example.com/tee.jpg' WHERE id = ?").param(external).update();
        assertThat(expect(200, get("/api/products/" + legacy + "/")).get("image").asString())
                .isEqualTo("https://res.cloudinary.com/storefn-test/image/upload/v1/media/products/tshirt_x7k2qa");
        assertThat(expect(200, get("/api/products/" + external + "/")).get("image").asString())
                .isEqualTo("https://images.example.com/tee.jpg");
        expect(204, json("DELETE", "/api/products/" + legacy + "/", null, staff));
        expect(204, json("DELETE", "/api/products/" + external + "/", null, staff));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CLOUDINARY.destroys())
                .extracting(CloudinaryStandIn.Call::publicId).isEqualTo(List.of("media/products/tshirt_x7k2qa")));
    }

    @Test
    void productsWithoutImagesNeedNoCloudinaryCall() {
        catalog.create(new ProductFields("Quiet Tee", BigDecimal.ONE, 1, "No picture, no call", Category.WOMEN, null), null);
        assertThat(CLOUDINARY.uploads()).isEmpty();
    }
}
