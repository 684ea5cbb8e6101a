package dev.storefn.platform;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** The request body as JSON, or a 400 in DRF's words when it is not JSON. */
    public JsonNode readBody(ApiRequest request) {
        if (request.body().length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(request.body());
        } catch (JacksonException e) {
            throw ApiException.detail(400, "JSON parse error - " + e.getOriginalMessage());
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
