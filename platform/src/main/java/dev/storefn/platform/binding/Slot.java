package dev.storefn.platform.binding;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Range;

/** One component of an input record: where it comes from, its name on the wire and its rules. */
public record Slot(RecordComponent component, Source source, String wireName, Field field, Range range) {

    public Type type() {
        return component.getGenericType();
    }

    public Class<?> rawType() {
        return component.getType();
    }

    public boolean required() {
        return switch (source) {
            case PATH -> true;
            case BODY, FILE -> field == null || field.required();
            case WHOLE_BODY -> true;
            default -> false;
        };
    }

    public Credential.Kind credential() {
        Credential credential = component.getAnnotation(Credential.class);
        return credential == null ? null : credential.value();
    }
}
