package dev.storefn.devtools.docs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.ResolvableType;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.binding.Slot;
import dev.storefn.platform.binding.WireNames;
import dev.storefn.platform.database.Health;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Upload;

/**
 * JSON Schemas of the records operations take and return, collected under {@code components.schemas} and
 * referred to by {@code $ref}, each field with what its {@link Doc} says. Names on the wire follow the JSON
 * mapper: snake_case unless a component says otherwise with {@code @JsonProperty}.
 */
final class Schemas {

    /** The platform's own answers, which carry no {@link Doc}: documented by records of the same components. */
    private static final Map<Class<?>, Class<?>> DOCUMENTED_BY = Map.of(Message.class, MessageDoc.class,
            Health.Status.class, HealthDoc.class);

    private record MessageDoc(@Doc(value = "What was done, in the original API's words (`Added to cart`, `Removed`, "
            + "`Address deleted`, ...)", example = "Added to cart") String message) {
    }

    private record HealthDoc(@Doc(value = "`ok`: storefn and its database answer", example = "ok", allowed = "ok") String status) {
    }

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
                    "count", described(ordered("type", "integer"), "How many items all the pages hold"),
                    "next", described(ordered("type", List.of("string", "null"), "format", "uri"), "The next page's URL; null on the last"),
                    "previous", described(ordered("type", List.of("string", "null"), "format", "uri"),
                            "The previous page's URL; null on the first"),
                    "results", described(items, "This page's items")));
            return ordered("oneOf", List.of(described(items, "Every item, when neither page nor page_size is given"), page));
        }
        if (List.class.isAssignableFrom(raw)) {
            return array(of(type.getGeneric(0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return ordered("type", "object");
        }
        return of(type.getType());
    }

    Map<String, Object> of(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return of(ResolvableType.forType(parameterized));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return ordered("type", "string");
        }
        if (raw == int.class || raw == Integer.class) {
            return ordered("type", "integer", "format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return ordered("type", "integer", "format", "int64");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ordered("type", "boolean");
        }
        if (raw == BigDecimal.class) {
            return ordered("type", List.of("number", "string"), "format", "decimal");
        }
        if (raw == Instant.class) {
            return ordered("type", "string", "format", "date-time");
        }
        if (raw == Upload.class) {
            return ordered("type", "string", "format", "binary");
        }
        if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            }
            return ordered("type", "string", "enum", values);
        }
        if (raw.isRecord()) {
            return ref(raw, false);
        }
        if (raw.isSealed()) {
            List<Object> choices = new ArrayList<>();
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                choices.add(of(permitted));
            }
            return ordered("oneOf", choices);
        }
        return ordered();
    }

    /** The schema of an input component, with the rules the binder enforces; a record in it is read by the same rules. */
    Map<String, Object> input(Slot slot) {
        Type type = slot.type();
        boolean list = type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class;
        Class<?> record = list ? ResolvableType.forType(type).getGeneric(0).resolve(Object.class) : slot.rawType();
        Map<String, Object> schema;
        if (record.isRecord() && record != Upload.class) {
            schema = list ? array(ref(record, true)) : new LinkedHashMap<>(ref(record, true));
        } else {
            schema = new LinkedHashMap<>(of(type));
        }
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
        return documented(schema, doc(slot.component()));
    }

    /**
     * The object schema of a record read from a body: its fields with their rules, and, unless {@code partial}
     * (a PATCH, where any may be left out), the ones the binder requires.
     */
    Map<String, Object> body(Class<?> record, boolean partial) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Slot field : InputBinder.of(record, Set.of()).slots()) {
            properties.put(field.wireName(), input(field));
            if (!partial && field.required()) {
                required.add(field.wireName());
            }
        }
        return object(properties, required, record.getAnnotation(Doc.class));
    }

    /** Registers a schema built elsewhere (an input record's body) under the record's name; its reference. */
    Map<String, Object> named(Class<?> type, Map<String, Object> schema) {
        components.put(name(type), schema);
        return ordered("$ref", "#/components/schemas/" + name(type));
    }

    /**
     * An example of a value of {@code schema}: its own, else one made of its parts' examples. Null when none
     * can be made (a file).
     */
    Object example(Map<String, Object> schema) {
        if (schema.get("examples") instanceof List<?> examples) {
            return examples.get(0);
        }
        if (schema.get("$ref") instanceof String ref) {
            return example(cast(components.get(ref.substring(ref.lastIndexOf('/') + 1))));
        }
        if ((schema.containsKey("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) instanceof List<?> choices) {
            return example(cast(choices.get(0)));
        }
        if (schema.get("enum") instanceof List<?> values) {
            return values.get(0);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            Object item = example(cast(items));
            return item == null ? List.of() : List.of(item);
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> example = new LinkedHashMap<>();
            properties.forEach((name, property) -> {
                Object value = example(cast(property));
                // A field that is null in the example says so; one of no example (a file) is left out.
                if (value != null || cast(property).containsKey("examples")) {
                    example.put((String) name, value);
                }
            });
            return example;
        }
        return null;
    }

    static Doc doc(RecordComponent component) {
        Class<?> documentedBy = DOCUMENTED_BY.get(component.getDeclaringRecord());
        if (documentedBy == null) {
            return component.getAnnotation(Doc.class);
        }
        for (RecordComponent twin : documentedBy.getRecordComponents()) {
            if (twin.getName().equals(component.getName())) {
                return twin.getAnnotation(Doc.class);
            }
        }
        return null;
    }

    /** {@code schema} with the description, allowed values and example of {@code doc}, when there is one. */
    static Map<String, Object> documented(Map<String, Object> schema, Doc doc) {
        if (doc == null) {
            return schema;
        }
        Map<String, Object> documented = described(schema, doc.value());
        List<Object> allowed = new ArrayList<>(List.of(doc.allowed()));
        if (doc.nullable()) {
            if (documented.remove("$ref") instanceof String ref) {
                documented.put("anyOf", List.of(ordered("$ref", ref), ordered("type", "null")));
            } else {
                documented.put("type", List.of(schema.get("type"), "null"));
            }
            if (!allowed.isEmpty()) {
                allowed.add(null);
            }
        }
        if (!allowed.isEmpty()) {
            documented.put("enum", allowed);
        }
        if (!doc.example().isEmpty()) {
            documented.put("examples", List.of(typed(doc.example(), schema.get("type"))));
        } else if (doc.nullable() && !documented.containsKey("anyOf")) {
            documented.put("examples", Collections.singletonList(null));
        }
        return documented;
    }

    static Map<String, Object> described(Map<String, Object> schema, String description) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("description", description);
        described.putAll(schema);
        return described;
    }

    /** An example written as text, as the JSON value of the field's type. */
    private static Object typed(String example, Object type) {
        if ("integer".equals(type)) {
            return Long.valueOf(example);
        }
        if ("boolean".equals(type)) {
            return Boolean.valueOf(example);
        }
        if (type instanceof List<?> types && types.contains("number")) {
            return new BigDecimal(example);
        }
        return example;
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

    /** A record's schema, registered once under its name: as it is written ({@code read} false), or read from a body. */
    private Map<String, Object> ref(Class<?> record, boolean read) {
        String name = name(record);
        if (!components.containsKey(name)) {
            components.put(name, ordered());
            if (read) {
                components.put(name, body(record, false));
            } else {
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent component : record.getRecordComponents()) {
                    properties.put(wireName(component), documented(of(component.getGenericType()), doc(component)));
                }
                components.put(name, object(properties, List.copyOf(properties.keySet()), record.getAnnotation(Doc.class)));
            }
        }
        return ordered("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required, Doc doc) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (doc != null) {
            schema.put("description", doc.value());
        }
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** {@code SessionStart$SignedIn} is {@code SessionStartSignedIn}: unique and valid as a component name. */
    static String name(Class<?> type) {
        String binary = type.getName();
        return binary.substring(binary.lastIndexOf('.') + 1).replace("$", "");
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        Map<String, Object> array = new LinkedHashMap<>();
        array.put("type", "array");
        array.put("items", items);
        return array;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object schema) {
        return (Map<String, Object>) schema;
    }

    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
