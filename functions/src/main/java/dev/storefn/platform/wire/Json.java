package dev.storefn.platform.wire;

import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of every adapter. It is storefn's own rather than Boot's, so no property
 * elsewhere can make the web and Lambda answers differ. Record components map to snake_case names.
 */
@Component
public class Json {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // A number is read exactly: 1e400 stays 1e400 for the binder to refuse, never Infinity.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
