package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.storefn.runner.cli.ImportProductsCommand;

/**
 * {@code import-products} beside a running storefn on the embedded default: a thousand products with their
 * images, again without duplicates, and a file with bad records that imports the rest and names those.
 */
class ImportProductsTest extends HttpTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void besideTheServer() {
        System.setProperty("STOREFN_DATA_DIR", dataDirectory.toString());
    }

    @AfterEach
    void alone() {
        System.clearProperty("STOREFN_DATA_DIR");
    }

    private int importProducts(Path file) {
        out.reset();
        err.reset();
        return ImportProductsCommand.run(new String[] {"import-products", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode record(ArrayNode products, String name, Object price, String category, int stock, String image) {
        ObjectNode record = products.addObject().put("name", name).put("category", category)
                .put("description", "Imported from a catalog file for the tests").put("stock", stock);
        if (price instanceof String text) {
            record.put("price", text);
        } else {
            record.put("price", ((Number) price).doubleValue());
        }
        if (image != null) {
            record.put("image", image);
        }
        return record;
    }

    private Path write(ObjectNode catalog) throws Exception {
        Path file = directory.resolve("products.json");
        Files.writeString(file, JSON.writeValueAsString(catalog));
        return file;
    }

    private long count(String namePattern) {
        return jdbc.sql("SELECT count(*) FROM products WHERE name LIKE ?").param(namePattern).query(Long.class).single();
    }

    @Test
    void aThousandProductsWithImagesAreImportedAndASecondRunChangesNothing() throws Exception {
        Files.createDirectories(directory.resolve("images"));
        ObjectNode catalog = JSON.createObjectNode();
        ArrayNode products = catalog.putArray("products");
        for (int i = 1; i <= 1000; i++) {
            String image = String.format("images/tee-%04d.png", i);
            Files.write(directory.resolve(image), ProductAdminHttpTest.png(24, 24, i));
            record(products, String.format("Thousand Tee %04d", i), 100 + i + 0.99, i % 2 == 0 ? "men" : "Women", i % 50, image);
        }
        Path file = write(catalog);

        long started = System.nanoTime();
        int exit = importProducts(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("import-products: 1000 products with images in %.1f s (Spring start included)%n", seconds);

        assertThat(exit).as(err()).isZero();
        assertThat(out()).startsWith("Imported " + file + ": 1000 created, 0 updated, 0 unchanged, 0 skipped (1000 records, ");
        assertThat(err()).contains("import-products: 100 of 1000 records done", "import-products: 1000 of 1000 records done");
        assertThat(count("Thousand Tee %")).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE name LIKE 'Thousand Tee %' AND image LIKE 'products/%.png'"
                + " AND slug LIKE 'thousand-tee-%' AND category IN ('men', 'women')").query(Long.class).single()).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT price::text FROM products WHERE name = 'Thousand Tee 0007'").query(String.class).single())
                .isEqualTo("107.99");

        // The image is served by the running storefn from the media store the import wrote.
        String image = expect(200, "GET", "/api/products/" + jdbc.sql("SELECT id FROM products WHERE name = 'Thousand Tee 0500'")
                .query(Long.class).single() + "/", null, null).body().get("image").asString();
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + URI.create(image).getRawPath())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readAllBytes(directory.resolve("images/tee-0500.png")));

        List<String> imagesBefore = jdbc.sql("SELECT image FROM products WHERE name LIKE 'Thousand Tee %' ORDER BY id")
                .query(String.class).list();
        assertThat(importProducts(file)).as(err()).isZero();
        assertThat(out()).startsWith("Imported " + file + ": 0 created, 0 updated, 1000 unchanged, 0 skipped (1000 records, ");
        assertThat(count("Thousand Tee %")).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT image FROM products WHERE name LIKE 'Thousand Tee %' ORDER BY id").query(String.class).list())
                .isEqualTo(imagesBefore);
    }

    @Test
    void badRecordsAreNamedAndSkippedAndTheRestIsImported() throws Exception {
        Files.writeString(directory.resolve("notes.png"), "a text file with an image's name");
        Files.write(directory.resolve("good.png"), ProductAdminHttpTest.png(30, 20, 77));
        ObjectNode first = JSON.createObjectNode();
        record(first.putArray("products"), "Mended Tee", "10.00", "men", 1, null);
        assertThat(importProducts(write(first))).as(err()).isZero();

        ObjectNode catalog = JSON.createObjectNode();
        ArrayNode products = catalog.putArray("products");
        record(products, "Mended Tee", "12.50", "men", 3, "https://images.example.com/mended.jpg");
        record(products, "Negative Tee", "-5", "men", 1, null);
        record(products, "Good Tee", "799.00", "women", 8, "good.png");
        record(products, "Kids Tee", "299.00", "kids", 4, null);
        record(products, "Renamed Text Tee", "199.00", "men", 2, "notes.png");
        record(products, "Remote Tee", 59.5, "women", 0, "https://res.cloudinary.com/demo/image/upload/v1/remote.jpg");

        assertThat(importProducts(write(catalog))).isEqualTo(1);
        assertThat(out()).contains(": 2 created, 1 updated, 0 unchanged, 3 skipped (6 records, ");
        assertThat(err()).contains("products[1] (Negative Tee): price: Price cannot be negative.")
                .contains("products[3] (Kids Tee): category: \"kids\" is not a valid choice.")
                .contains("products[4] (Renamed Text Tee): image: Upload a valid image. The file you uploaded was either not an image"
                        + " or a corrupted image.");
        assertThat(err().lines().filter(line -> line.startsWith("products["))).hasSize(3);
        assertThat(count("Negative Tee") + count("Kids Tee") + count("Renamed Text Tee")).isZero();
        assertThat(count("Mended Tee")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT price::text || ' ' || stock || ' ' || image FROM products WHERE name = 'Mended Tee'")
                .query(String.class).single()).isEqualTo("12.50 3 https://images.example.com/mended.jpg");
        assertThat(jdbc.sql("SELECT image FROM products WHERE name = 'Good Tee'").query(String.class).single())
                .startsWith("products/").endsWith(".png");
        assertThat(jdbc.sql("SELECT image FROM products WHERE name = 'Remote Tee'").query(String.class).single())
                .isEqualTo("https://res.cloudinary.com/demo/image/upload/v1/remote.jpg");
    }

    @Test
    void aFileThatIsNotACatalogIsRefusedInOneLine() throws Exception {
        Path notACatalog = Files.writeString(directory.resolve("list.json"), "[1, 2, 3]");
        assertThat(importProducts(notACatalog)).isEqualTo(2);
        assertThat(err()).isEqualTo("Not a catalog file: " + notACatalog + " has no \"products\" list" + System.lineSeparator());
        assertThat(importProducts(directory.resolve("missing.json"))).isEqualTo(2);
        assertThat(err()).startsWith("Cannot read the catalog file ");
        assertThat(out()).isEmpty();
    }
}
