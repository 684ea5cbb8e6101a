package dev.storefn.platform.docs;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.springframework.stereotype.Component;

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

    @Override
    public Document apply(Input input) {
        return Written.DOCUMENT;
    }

    /** Read on the first request, not at start-up (a cold start would pay for it), and written without its indentation. */
    private static final class Written {
        static final Document DOCUMENT = read();
    }

    private static Document read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the shop's jar carries it)");
            }
            JsonMapper mapper = JsonMapper.shared();
            return Document.file("application/json; charset=utf-8", mapper.writeValueAsBytes(mapper.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
