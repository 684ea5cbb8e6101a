package dev.storefn.platform.binding;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.storefn.platform.operation.Digits;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.FieldErrors;
import dev.storefn.platform.operation.Range;
import tools.jackson.databind.JsonNode;

/**
 * Converts one wire value (a JSON node, or text from a query string, a form or a header) to the type of an
 * input component, in DRF's words when it cannot: text, whole numbers, decimals, booleans, enums (by
 * lower-case name), nested records and lists of them. Text PostgreSQL cannot store (NUL, lone surrogates)
 * is refused here, so no operation ever sends it to the database.
 */
final class Values {

    static final String NUL = "Null characters are not allowed.";
    static final String BAD_UNICODE = "Text with unpaired surrogate characters is not allowed.";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(\\.0*)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final int MAX_NUMBER_TEXT = 64;

    private Values() {
    }

    /** A body value: missing or null is the field's "required" error unless it is optional. */
    static Object fromJson(String key, JsonNode node, Type type, Slot slot, FieldErrors errors) {
        return fromJson(key, node, type, slot, false, errors);
    }

    /** {@code partial}: a missing value is left out rather than required (a PATCH). */
    private static Object fromJson(String key, JsonNode node, Type type, Slot slot, boolean partial, FieldErrors errors) {
        Field field = slot == null ? null : slot.field();
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (!partial && (field == null || field.required())) {
                errors.add(key, field == null ? "This field is required." : field.missing());
            }
            return primitiveDefault(type);
        }
        if (InputBinder.isList(type)) {
            if (!node.isArray()) {
                errors.add(key, field != null && !field.invalid().isEmpty() ? field.invalid()
                        : "Expected a list of items but got type \"" + jsonType(node) + "\".");
                return null;
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(fromJson(key + "[" + i + "]", node.get(i), InputBinder.elementType(type), null, errors));
            }
            return list;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return record(field != null && field.flatErrors() ? "" : key, node, raw, false, errors);
        }
        if (node.isContainer()) {
            errors.add(key, invalid(field, raw, node.toString()));
            return primitiveDefault(type);
        }
        if (raw == String.class) {
            if (!node.isString() && !node.isNumber()) {
                errors.add(key, invalid(field, raw, node.toString()));
                return null;
            }
            return text(key, node.asString(), field, errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
        }
        if ((isWhole(raw) || raw == BigDecimal.class) && node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (!plain(value)) {
                errors.add(key, invalid(field, raw, node.toString()));
                return primitiveDefault(type);
            }
            return number(key, value, raw, slot, errors);
        }
        return fromText(key, node.asString(), type, slot, errors);
    }

    /** A value that arrived as text. */
    static Object fromText(String key, String value, Type type, Slot slot, FieldErrors errors) {
        Field field = slot == null ? null : slot.field();
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return text(key, value, field, errors);
        }
        String trimmed = value.strip();
        if (isWhole(raw)) {
            if (trimmed.length() > MAX_NUMBER_TEXT || !INTEGER.matcher(trimmed).matches()) {
                errors.add(key, invalid(field, raw, value));
                return primitiveDefault(type);
            }
            return number(key, new BigDecimal(trimmed), raw, slot, errors);
        }
        if (raw == BigDecimal.class) {
            if (trimmed.length() > MAX_NUMBER_TEXT || !DECIMAL.matcher(trimmed).matches()) {
                errors.add(key, invalid(field, raw, value));
                return null;
            }
            return number(key, new BigDecimal(trimmed), raw, slot, errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> {
                    return true;
                }
                case "false", "0", "no", "off" -> {
                    return false;
                }
                default -> {
                    errors.add(key, invalid(field, raw, value));
                    return primitiveDefault(type);
                }
            }
        }
        if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(trimmed)) {
                    return constant;
                }
            }
            errors.add(key, invalid(field, raw, value));
            return null;
        }
        errors.add(key, invalid(field, raw, value));
        return null;
    }

    /** Text as a header or a token gives it: NUL and lone surrogates make it absent rather than stored. */
    static String cleanText(String value) {
        return value == null || problem(value) != null ? null : value;
    }

    private static String text(String key, String value, Field field, FieldErrors errors) {
        String problem = problem(value);
        if (problem != null) {
            errors.add(key, problem);
            return null;
        }
        String text = field == null || field.trim() ? value.strip() : value;
        if (text.isEmpty() && (field == null || !field.blank())) {
            errors.add(key, "This field may not be blank.");
            return null;
        }
        if (field != null && text.length() > field.maxLength()) {
            errors.add(key, field.tooLong().isEmpty()
                    ? "Ensure this field has no more than " + field.maxLength() + " characters." : field.tooLong());
            return null;
        }
        if (field != null && !text.isEmpty() && text.length() < field.minLength()) {
            errors.add(key, field.tooShort().isEmpty()
                    ? "Ensure this field has at least " + field.minLength() + " characters." : field.tooShort());
            return null;
        }
        if (field != null && !field.pattern().isEmpty() && !text.isEmpty() && !text.matches(field.pattern())) {
            errors.add(key, field.mismatch());
            return null;
        }
        return text;
    }

    private static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return BAD_UNICODE;
            }
        }
        return null;
    }

    /**
     * Whether a JSON number can be written out in at most {@link #MAX_NUMBER_TEXT} places either side of its
     * digits. One that cannot ({@code 1e400}, {@code 1e-400}: a double would be Infinity or nothing) is no valid
     * number for any field, as DRF finds, and is never expanded (1e999999999 would be a billion digits).
     * Long runs of written digits are numbers: the range decides.
     */
    private static boolean plain(BigDecimal value) {
        int scale = value.stripTrailingZeros().scale();
        return scale <= MAX_NUMBER_TEXT && scale >= -MAX_NUMBER_TEXT;
    }

    private static Object number(String key, BigDecimal value, Class<?> raw, Slot slot, FieldErrors errors) {
        Field field = slot == null ? null : slot.field();
        if (raw == BigDecimal.class) {
            return decimal(key, value, slot, errors);
        }
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            errors.add(key, invalid(field, raw, value.toPlainString()));
            return primitiveDefault(raw);
        }
        Range range = slot == null ? null : slot.range();
        if (range == null && (whole.bitLength() > 63 || (raw == int.class || raw == Integer.class) && whole.bitLength() > 31)) {
            errors.add(key, invalid(field, raw, value.toPlainString()));
            return primitiveDefault(raw);
        }
        long min = range != null ? range.min() : raw == int.class || raw == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = range != null ? range.max() : raw == int.class || raw == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (raw == int.class || raw == Integer.class) {
            min = Math.max(min, Integer.MIN_VALUE);
            max = Math.min(max, Integer.MAX_VALUE);
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0) {
            errors.add(key, range != null && !range.belowMin().isEmpty() ? range.belowMin()
                    : "Ensure this value is greater than or equal to " + min + ".");
            return primitiveDefault(raw);
        }
        if (whole.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(key, range != null && !range.aboveMax().isEmpty() ? range.aboveMax()
                    : "Ensure this value is less than or equal to " + max + ".");
            return primitiveDefault(raw);
        }
        return raw == int.class || raw == Integer.class ? (Object) whole.intValue() : (Object) whole.longValue();
    }

    /** A decimal checked as DRF's DecimalField checks it: precision first, then the bounds. */
    private static BigDecimal decimal(String key, BigDecimal value, Slot slot, FieldErrors errors) {
        Digits digits = slot == null ? null : slot.component().getAnnotation(Digits.class);
        if (digits != null) {
            // DRF counts the digits as written: the digits of the unscaled value, and the exponent's places.
            int places = Math.max(value.scale(), 0);
            int total = value.scale() >= 0 ? Math.max(value.precision(), places) : value.precision() - value.scale();
            int whole = total - places;
            String problem = total > digits.total() ? orDefault(digits.tooManyDigits(),
                    "Ensure that there are no more than " + digits.total() + " digits in total.")
                    : places > digits.fraction() ? orDefault(digits.tooManyDecimals(),
                    "Ensure that there are no more than " + digits.fraction() + " decimal places.")
                    : whole > digits.total() - digits.fraction() ? orDefault(digits.tooManyWholeDigits(),
                    "Ensure that there are no more than " + (digits.total() - digits.fraction()) + " digits before the decimal point.")
                    : null;
            if (problem != null) {
                errors.add(key, problem);
                return null;
            }
        }
        Range range = slot == null ? null : slot.range();
        if (range != null && range.min() != Long.MIN_VALUE && value.compareTo(BigDecimal.valueOf(range.min())) < 0) {
            errors.add(key, orDefault(range.belowMin(), "Ensure this value is greater than or equal to " + range.min() + "."));
            return null;
        }
        if (range != null && range.max() != Long.MAX_VALUE && value.compareTo(BigDecimal.valueOf(range.max())) > 0) {
            errors.add(key, orDefault(range.aboveMax(), "Ensure this value is less than or equal to " + range.max() + "."));
            return null;
        }
        return value;
    }

    private static String orDefault(String message, String fallback) {
        return message.isEmpty() ? fallback : message;
    }

    /** A record from the fields of a JSON object; {@code key} prefixes the names of its errors (empty: none). */
    static Object record(String key, JsonNode node, Class<?> type, boolean partial, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(key, "Invalid data. Expected a dictionary, but got " + jsonType(node) + ".");
            return null;
        }
        NestedRecord shape = NESTED_RECORDS.get(type);
        Object[] values = new Object[shape.slots().size()];
        for (int i = 0; i < values.length; i++) {
            Slot slot = shape.slots().get(i);
            values[i] = fromJson(key.isEmpty() ? slot.wireName() : key + "." + slot.wireName(), node.get(slot.wireName()), slot.type(),
                    slot, partial, errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return InputBinder.construct(shape.constructor(), values);
    }

    /** A record type read from JSON: its components' slots and its constructor, found once per type. */
    private record NestedRecord(List<Slot> slots, Constructor<?> constructor) {
    }

    // Reflection on every request (a fresh array of components, their annotations, the constructor) was a tenth of
    // an order's time; the shape of a type does not change.
    private static final ClassValue<NestedRecord> NESTED_RECORDS = new ClassValue<>() {
        @Override
        protected NestedRecord computeValue(Class<?> type) {
            List<Slot> slots = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                slots.add(new Slot(component, Source.BODY, WireNames.of(component), component.getAnnotation(Field.class),
                        component.getAnnotation(Range.class)));
            }
            return new NestedRecord(List.copyOf(slots), InputBinder.canonicalConstructor(type, slots));
        }
    };

    private static String invalid(Field field, Class<?> raw, String value) {
        if (field != null && !field.invalid().isEmpty()) {
            return field.invalid();
        }
        if (raw == String.class) {
            return "Not a valid string.";
        }
        if (isWhole(raw)) {
            return "A valid integer is required.";
        }
        if (raw == BigDecimal.class) {
            return "A valid number is required.";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "Must be a valid boolean.";
        }
        if (raw.isEnum()) {
            return "\"" + value + "\" is not a valid choice.";
        }
        return "Invalid value.";
    }

    private static boolean isWhole(Class<?> raw) {
        return raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class;
    }

    private static Object primitiveDefault(Type type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static String jsonType(JsonNode node) {
        return node.isArray() ? "list" : node.isObject() ? "dict" : node.isString() ? "str" : node.isNumber() ? "int"
                : node.isBoolean() ? "bool" : "null";
    }
}
