package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.MultipartBody;
import dev.storefn.TestImages;
import dev.storefn.platform.operation.Upload;
import tools.jackson.databind.JsonNode;
import dev.storefn.testing.ThroughLambda;

/** Product images on local disk (the embedded default): stored under the media root, replaced and removed with their rows. */
class LocalProductImagesTest extends CatalogTestSupport {

    private static final Path MEDIA = Path.of(System.getProperty("MEDIA_ROOT"));
    private static final String MEDIA_URL = "http://localhost:8000/media/";

    @Autowired
    Catalog catalog;

    private static Path file(JsonNode product) {
        String url = product.get("image").asString();
        assertThat(url).startsWith(MEDIA_URL);
        return MEDIA.resolve(url.substring(MEDIA_URL.length()));
    }

    private JsonNode createWith(String name, String fileName, byte[] image) {
        return expect(201, multipart("POST", "/api/products/create/", productForm(name).file("image", fileName, "image/png", image),
                staff));
    }

    @Test
    void anUploadedImageIsStoredUnderTheMediaRootAndServedUnderMedia() throws Exception {
        byte[] png = TestImages.picture("png", 11);
        JsonNode created = createWith("Image Tee", "tee photo.PNG", png);
        assertThat(created.get("image").asString()).matches(MEDIA_URL + "products/" + created.get("id").asLong()
                + "-image-tee-[0-9a-f]{10}\\.png");
        assertThat(Files.readAllBytes(file(created))).isEqualTo(png);
        assertThat(expect(200, get("/api/products/" + created.get("id").asLong() + "/")).get("image").asString())
                .isEqualTo(created.get("image").asString());
        // As readable as any file this process creates (the umask decides), so nginx in storefn's group can serve it.
        Path probe = Files.write(file(created).resolveSibling("probe-" + System.nanoTime()), new byte[1]);
        try {
            assertThat(Files.getPosixFilePermissions(file(created))).isEqualTo(Files.getPosixFilePermissions(probe))
                    .contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void theFormatComesFromTheBytesNotTheNameOrTheDeclaredType() throws Exception {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/dev/storefn/platform/media/python.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(file(createWith("Webp Tee", "photo.png", webp)).toString()).endsWith(".webp");
        assertThat(file(createWith("Jpeg Tee", "photo.gif", TestImages.picture("jpg", 1))).toString()).endsWith(".jpg");
        assertThat(file(createWith("Gif Tee", "photo", TestImages.picture("gif", 1))).toString()).endsWith(".gif");
    }

    @Test
    void replacingTheImageRemovesTheOldFileAndTheSameImageChangesNothing() throws Exception {
        JsonNode created = createWith("Swap Tee", "a.png", TestImages.picture("png", 1));
        long id = created.get("id").asLong();
        Path first = file(created);

        JsonNode same = expect(200, multipart("PATCH", "/api/products/" + id + "/",
                new MultipartBody().file("image", "again.png", "image/png", TestImages.picture("png", 1)), staff));
        assertThat(same.get("image").asString()).isEqualTo(created.get("image").asString());
        assertThat(first).exists();

        byte[] jpeg = TestImages.picture("jpg", 2);
        JsonNode replaced = expect(200, multipart("PATCH", "/api/products/" + id + "/",
                new MultipartBody().field("name", "Swapped Tee").file("image", "b.jpg", "image/jpeg", jpeg), staff));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(first).doesNotExist());
        assertThat(Files.readAllBytes(file(replaced))).isEqualTo(jpeg);

        // Leaving the image out keeps it.
        JsonNode kept = expect(200, multipart("PATCH", "/api/products/" + id + "/", new MultipartBody().field("stock", "3"), staff));
        assertThat(kept.get("image").asString()).isEqualTo(replaced.get("image").asString());

        expect(204, json("DELETE", "/api/products/" + id + "/", null, staff));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(file(replaced)).doesNotExist());
    }

    @Test
    void anImageStoredForAChangeThatThenFailsIsRemovedAgain() throws Exception {
        long before = countFiles();
        byte[] png = TestImages.picture("png", 21);
        ProductFields fields = new ProductFields("Refused Tee", new BigDecimal("10.00"), 1, "A change that never happened",
                Category.MEN, null);
        // The database refuses the row after the image was stored, as a constraint or a lost connection would.
        jdbc.sql("""
                CREATE FUNCTION refuse_tee() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.name = 'Refused Tee' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_tee BEFORE INSERT ON products FOR EACH ROW EXECUTE FUNCTION refuse_tee()").update();
        try {
            assertThatThrownBy(() -> catalog.create(fields, new Upload("image", "x.png", "image/png", png)))
                    .hasMessageContaining("refused by the test");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_tee ON products").update();
            jdbc.sql("DROP FUNCTION refuse_tee()").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(countFiles()).isEqualTo(before));
    }

    @Test
    void anImageAnotherProductStillShowsIsKept() {
        JsonNode first = createWith("Shared Tee", "a.png", TestImages.picture("png", 31));
        long second = expect(201, json("POST", "/api/products/create/", productJson("Sharing Tee"), staff)).get("id").asLong();
        jdbc.sql("UPDATE products SET image = (SELECT image FROM products WHERE id = ?) WHERE id = ?")
                .params(first.get("id").asLong(), second).update();
        expect(204, json("DELETE", "/api/products/" + first.get("id").asLong() + "/", null, staff));
        assertThat(file(first)).exists();
    }

    @Test
    void aRenamedTextFileATruncatedPngAndAnOversizedImageAreRefusedAndNothingIsStored() throws Exception {
        long before = countFiles();
        String notAnImage = "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";
        JsonNode text = expect(400, multipart("POST", "/api/products/create/",
                productForm("Text Tee").file("image", "photo.png", "image/png", "name,price\ntee,10\n".getBytes()), staff));
        assertThat(text.get("image").get(0).asString()).isEqualTo(notAnImage);
        JsonNode truncated = expect(400, multipart("POST", "/api/products/create/",
                productForm("Cut Tee").file("image", "photo.png", "image/png", TestImages.truncated(TestImages.picture("png", 5), 0.7)),
                staff));
        assertThat(truncated.get("image").get(0).asString()).isEqualTo(notAnImage);
        // Through the dispatcher an 11 MB upload is a body over the cap: 413 before anything reads it.
        byte[] big = TestImages.noisyPng(11 * 1024 * 1024);
        assertThat(ThroughLambda.sizeRefusal(expect(413, multipart("POST", "/api/products/create/",
                productForm("Big Tee").file("image", "big.png", "image/png", big), staff)))).isEqualTo(ThroughLambda.expectedSizeRefusal());
        // Called directly (as the import does), the same image is refused by its size.
        ProductFields fields = new ProductFields("Big Tee", BigDecimal.TEN, 1, "Too big to be shown", Category.MEN, null);
        try {
            catalog.create(fields, new Upload("image", "big.png", "image/png", big));
            throw new AssertionError("accepted");
        } catch (dev.storefn.platform.operation.Refusal refusal) {
            assertThat(refusal.fieldErrors().get("image")).containsExactly("The image is larger than 10 MB. Upload a smaller one.");
        }
        assertThat(countFiles()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();
    }

    private static long countFiles() throws Exception {
        if (!Files.exists(MEDIA)) {
            return 0;
        }
        try (var files = Files.walk(MEDIA)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
