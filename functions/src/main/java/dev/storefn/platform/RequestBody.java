package dev.storefn.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a request body that must be an object: JSON, or a urlencoded form as DRF also accepts. */
@Component
public class RequestBody {

    private final Json json;

    public RequestBody(Json json) {
        this.json = json;
    }

    public Fields fields(ApiRequest request) {
        return new Fields(object(request));
    }

    public ObjectNode object(ApiRequest request) {
        String contentType = request.header("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = json.mapper().createObjectNode();
            Map<String, List<String>> values = ApiRequest.parseQueryString(new String(request.body(), StandardCharsets.UTF_8));
            values.forEach((name, list) -> form.put(name, list.get(list.size() - 1)));
            return form;
        }
        JsonNode body = json.readBody(request);
        if (body instanceof ObjectNode object) {
            return object;
        }
        String got = body.isArray() ? "list" : body.isString() ? "str" : body.isNumber() ? "int" : body.isBoolean() ? "bool" : "null";
        throw ApiException.invalid("non_field_errors", "Invalid data. Expected a dictionary, but got " + got + ".");
    }
}
