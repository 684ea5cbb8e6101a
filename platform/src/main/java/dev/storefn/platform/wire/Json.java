package dev.storefn.platform.wire;

import java.io.OutputStream;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Listing;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of every adapter. It is storefn's own rather than Boot's, so no property
 * elsewhere can make the web and Lambda answers differ. Record components map to snake_case names.
 * What it reads (request bodies) is bounded beyond the bodies' byte limits: a tree of a few thousand
 * values, a few levels deep, which is more than any input record needs and little heap.
 */
@Component
public class Json {

    static final StreamReadConstraints READING = StreamReadConstraints.builder()
            .maxDocumentLength(BodyReader.MAX_FIELDS_BODY_BYTES)
            .maxTokenCount(10_000)
            .maxNestingDepth(16)
            .maxStringLength(BodyReader.MAX_FIELDS_BODY_BYTES)
            .maxNameLength(1_000)
            .maxNumberLength(100)
            .build();

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READING).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // A number is read exactly: 1e400 stays 1e400 for the binder to refuse, never Infinity.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** Writes the items as a JSON array as they come, each as soon as it is produced. */
    public <T> void writeArray(OutputStream out, Listing.Source<T> items) {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartArray();
            items.forEach(item -> mapper.writeValue(generator, item));
            generator.writeEndArray();
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
