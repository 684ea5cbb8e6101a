package dev.storefn.devtools.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog file as the original's {@code import_products} command reads it:
 * {@code {"products": [{"name", "price", "category", "description", "stock", "image"}, ...]}}. Prices are read
 * as exact decimals; each record is checked later, on its own.
 */
public record CatalogFile(Path path, List<JsonNode> records) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The file's records; refuses, in one line, a file that cannot be read or is not shaped like a catalog. */
    public static CatalogFile read(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("Cannot read the catalog file " + path);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("Not a catalog file: " + path + " is not JSON ("
                    + (e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage()) + ")");
        }
        JsonNode products = root == null ? null : root.get("products");
        if (products == null || !products.isArray()) {
            throw new IllegalArgumentException("Not a catalog file: " + path + " has no \"products\" list");
        }
        List<JsonNode> records = new ArrayList<>();
        products.forEach(records::add);
        return new CatalogFile(path, records);
    }

    /** Where an image path of a record points: relative paths are relative to the catalog file. */
    Path resolve(String image) {
        Path directory = path.toAbsolutePath().getParent();
        return directory.resolve(image).normalize();
    }
}
