package dev.storefn.platform.docs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.ResolvableType;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.platform.binding.Slot;
import dev.storefn.platform.binding.WireNames;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Upload;

/**
 * JSON Schemas of the records operations take and return, collected under {@code components.schemas} and
 * referred to by {@code $ref}. Names on the wire follow the JSON mapper: snake_case unless a component
 * says otherwise with {@code @JsonProperty}.
 */
final class Schemas {

    private final Map<String, Object> components = new TreeMap<>();

    Map<String, Object> components() {
        return components;
    }

    /** The schema of an output type, resolved through its generics ({@code Listing<ProductView>}). */
    Map<String, Object> of(ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == Listing.class) {
            Map<String, Object> items = array(of(type.getGeneric(0)));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("type", "object");
            page.put("description", "One page, when page or page_size is given");
            page.put("required", List.of("count", "next", "previous", "results"));
            page.put("properties", ordered(
                    "count", Map.of("type", "integer"),
                    "next", Map.of("type", List.of("string", "null"), "format", "uri"),
                    "previous", Map.of("type", List.of("string", "null"), "format", "uri"),
                    "results", items));
            return Map.of("oneOf", List.of(items, page));
        }
        if (List.class.isAssignableFrom(raw)) {
            return array(of(type.getGeneric(0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of("type", "object");
        }
        return of(type.getType());
    }

    Map<String, Object> of(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return of(ResolvableType.forType(parameterized));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return Map.of("type", "string");
        }
        if (raw == int.class || raw == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == BigDecimal.class) {
            return Map.of("type", List.of("number", "string"), "description", "An exact decimal");
        }
        if (raw == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw == Upload.class) {
            return Map.of("type", "string", "format", "binary");
        }
        if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            }
            return Map.of("type", "string", "enum", values);
        }
        if (raw.isRecord()) {
            return ref(raw);
        }
        if (raw.isSealed()) {
            List<Object> choices = new ArrayList<>();
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                choices.add(of(permitted));
            }
            return Map.of("oneOf", choices);
        }
        return Map.of();
    }

    /** The schema of an input component, with the rules the binder enforces. */
    Map<String, Object> input(Slot slot) {
        Map<String, Object> schema = new LinkedHashMap<>(of(slot.type()));
        Field field = slot.field();
        if (field != null && slot.rawType() == String.class) {
            if (field.maxLength() != Integer.MAX_VALUE) {
                schema.put("maxLength", field.maxLength());
            }
            int min = Math.max(field.minLength(), field.blank() ? 0 : 1);
            if (min > 0) {
                schema.put("minLength", min);
            }
        }
        Range range = slot.range();
        if (range != null) {
            if (range.min() != Long.MIN_VALUE) {
                schema.put("minimum", range.min());
            }
            if (range.max() != Long.MAX_VALUE) {
                schema.put("maximum", range.max());
            }
        }
        return schema;
    }

    /** Registers a schema built elsewhere (an input record's body) under the record's name; its reference. */
    Map<String, Object> named(Class<?> type, Map<String, Object> schema) {
        components.put(name(type), schema);
        return Map.of("$ref", "#/components/schemas/" + name(type));
    }

    static String wireName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                property = component.getAccessor().getAnnotation(JsonProperty.class);
            } catch (SecurityException e) {
                property = null;
            }
        }
        return property != null && !property.value().isEmpty() ? property.value() : WireNames.snakeCase(component.getName());
    }

    private Map<String, Object> ref(Class<?> record) {
        String name = name(record);
        if (!components.containsKey(name)) {
            components.put(name, Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                String wire = wireName(component);
                properties.put(wire, of(component.getGenericType()));
                required.add(wire);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            components.put(name, schema);
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** {@code SessionStart$SignedIn} is {@code SessionStartSignedIn}: unique and valid as a component name. */
    static String name(Class<?> type) {
        String binary = type.getName();
        return binary.substring(binary.lastIndexOf('.') + 1).replace("$", "");
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
