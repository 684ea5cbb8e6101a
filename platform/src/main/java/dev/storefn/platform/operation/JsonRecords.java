package dev.storefn.platform.operation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON document someone else defines (a payment provider's event) into the operation's own record,
 * snake_case names, unknown fields ignored, so business code never walks a JSON tree.
 */
public final class JsonRecords {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonRecords() {
    }

    /** The record, or a refusal worded {@code invalid} when the bytes are not such a document. */
    public static <T> T read(byte[] json, Class<T> type, String invalid) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw Refusal.refused(invalid);
            }
            return value;
        } catch (JacksonException e) {
            throw Refusal.refused(invalid);
        }
    }
}
