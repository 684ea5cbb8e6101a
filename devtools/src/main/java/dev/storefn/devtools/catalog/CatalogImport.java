package dev.storefn.devtools.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.storefn.catalog.Catalog;
import dev.storefn.catalog.ProductFields;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.media.ImageFiles;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Upload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads a catalog file through the catalog's own service, record by record, each in a transaction of its
 * own: a record is checked by the rules the API applies (the same binder, the same {@link ProductFields}),
 * and a bad one is reported with its index and skipped, never half imported. A record stands for the
 * product with its name (else the slug its name makes), so importing a file again updates, not duplicates.
 */
public final class CatalogImport {

    /** What an import did. */
    public record Summary(int created, int updated, int unchanged, int skipped) {

        public int total() {
            return created + updated + unchanged + skipped;
        }
    }

    /** The database went away: there is no point in trying the remaining records. */
    public static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(String index, RuntimeException cause) {
            super("The database stopped answering at " + index + ": " + cause.getMessage(), cause);
        }
    }

    private final Catalog catalog;

    public CatalogImport(Catalog catalog) {
        this.catalog = catalog;
    }

    public Summary run(CatalogFile file, ImportProgress progress) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0;
        Set<Long> matched = new HashSet<>();
        List<JsonNode> records = file.records();
        for (int i = 0; i < records.size(); i++) {
            String index = "products[" + i + "]";
            try {
                Catalog.Imported imported = importOne(file, records.get(i), matched);
                matched.add(imported.id());
                switch (imported.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (BadRecord bad) {
                skipped++;
                progress.skipped(index + name(records.get(i)) + ": " + bad.getMessage());
            } catch (Refusal refusal) {
                skipped++;
                progress.skipped(index + name(records.get(i)) + ": " + reason(refusal));
            } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
                throw new DatabaseUnavailable(index, e);
            } catch (RuntimeException e) {
                // Not the record's fault as far as anyone can tell; its transaction rolled back, the others go on.
                skipped++;
                progress.skipped(index + name(records.get(i)) + ": could not be saved (" + e + ")");
            }
            progress.step();
        }
        return new Summary(created, updated, unchanged, skipped);
    }

    private Catalog.Imported importOne(CatalogFile file, JsonNode record, Set<Long> matched) {
        if (!(record instanceof ObjectNode object)) {
            throw new BadRecord("not an object");
        }
        ObjectNode fields = object.deepCopy();
        JsonNode image = fields.remove("image");
        // The storefront lower-cases the category before it sends it; files written by hand often do not.
        JsonNode category = fields.get("category");
        if (category != null && category.isString()) {
            fields.put("category", category.asString().toLowerCase(Locale.ROOT));
        }
        ProductFields product = InputBinder.record(ProductFields.class, fields);
        if (image == null || image.isNull() || image.isString() && image.asString().isBlank()) {
            return catalog.importProduct(product, null, null, matched);
        }
        if (!image.isString()) {
            throw new BadRecord("image: must be a URL or the path of a file");
        }
        String value = image.asString().strip();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return catalog.importProduct(product, value, null, matched);
        }
        return catalog.importProduct(product, null, upload(file.resolve(value), value), matched);
    }

    private static Upload upload(Path path, String written) {
        try {
            if (!Files.isRegularFile(path)) {
                throw new BadRecord("image: no such file " + written);
            }
            if (Files.size(path) > ImageFiles.MAX_BYTES) {
                throw new BadRecord("image: " + ImageFiles.TOO_LARGE);
            }
            return new Upload("image", path.getFileName().toString(), null, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new BadRecord("image: cannot read " + written + " (" + e.getMessage() + ")");
        }
    }

    /** {@code price: Price cannot be negative.; stock: ...}, or the refusal's message. */
    private static String reason(Refusal refusal) {
        Map<String, List<String>> fields = refusal.fieldErrors();
        if (fields.isEmpty()) {
            return refusal.getMessage();
        }
        return fields.entrySet().stream()
                .map(field -> field.getKey() + ": " + String.join(" ", field.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String name(JsonNode record) {
        JsonNode name = record == null ? null : record.get("name");
        return name != null && name.isString() && !name.asString().isBlank() ? " (" + name.asString().strip() + ")" : "";
    }

    /** A record this import cannot take, for a reason of its own (not a field rule). */
    private static final class BadRecord extends RuntimeException {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }
}
