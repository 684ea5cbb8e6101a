package dev.storefn.platform.docs;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.Transaction;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /schema/}: the OpenAPI document of every route. The build writes it from the route table and the
 * operations' records (the dev tooling's {@code OpenApiGenerator}); the shop's jar carries it as a resource.
 */
@Component
@Transaction(NONE)
public class OpenApiDocument implements Function<OpenApiDocument.Input, Document> {

    public record Input() {
    }

    /** Where on the class path the document is, as the build writes it. */
    public static final String RESOURCE = "storefn/openapi.json";

    /** Read on the first request, not at start-up (a cold start would pay for it), and written without its indentation. */
    private static final Supplier<Document> WRITTEN = SingletonSupplier.of(OpenApiDocument::read);

    @Override
    public Document apply(Input input) {
        return WRITTEN.get();
    }

    private static Document read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            JsonMapper mapper = JsonMapper.shared();
            return Document.file("application/json; charset=utf-8", mapper.writeValueAsBytes(mapper.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
