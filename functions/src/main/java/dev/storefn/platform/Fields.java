package dev.storefn.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the fields of a request body, collecting every problem in DRF's words before refusing once
 * with a field map, so a client sees all its mistakes at the same time.
 */
public final class Fields {

    private final ObjectNode body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Fields(ObjectNode body) {
        this.body = body;
    }

    public boolean has(String name) {
        return body.has(name) && !body.get(name).isNull();
    }

    /** A required string, trimmed; null (with the error recorded) when missing, blank or not a string. */
    public String requiredString(String name, String requiredMessage, int maxLength) {
        if (!has(name)) {
            return error(name, requiredMessage);
        }
        String value = string(name, maxLength);
        if (value != null && value.isEmpty()) {
            return error(name, "This field may not be blank.");
        }
        return value;
    }

    /** An optional string (blank allowed), trimmed; {@code absent} when missing. */
    public String optionalString(String name, int maxLength, String absent) {
        if (!has(name)) {
            return absent;
        }
        String value = string(name, maxLength);
        return value == null ? absent : value;
    }

    /** A string value as it was sent, untrimmed (passwords). */
    public String rawString(String name, String requiredMessage) {
        if (!has(name)) {
            return error(name, requiredMessage);
        }
        JsonNode node = body.get(name);
        if (!node.isString()) {
            return error(name, "Not a valid string.");
        }
        if (node.asString().isEmpty()) {
            return error(name, "This field may not be blank.");
        }
        return node.asString();
    }

    private String string(String name, int maxLength) {
        JsonNode node = body.get(name);
        if (!node.isString() && !node.isNumber()) {
            return error(name, "Not a valid string.");
        }
        String value = node.asString().strip();
        if (value.length() > maxLength) {
            return error(name, "Ensure this field has no more than " + maxLength + " characters.");
        }
        return value;
    }

    public <T> T error(String name, String message) {
        errors.computeIfAbsent(name, key -> new ArrayList<>()).add(message);
        return null;
    }

    /** Refuses the request with every error found so far. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
