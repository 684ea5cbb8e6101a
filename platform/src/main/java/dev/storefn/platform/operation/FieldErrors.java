package dev.storefn.platform.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every field problem before refusing once, so a client sees all its mistakes at the same time.
 * The binder fills one for type and format errors; an operation may go on with its own rules.
 */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        return this;
    }

    /** The first message recorded, or null. */
    public String first() {
        return errors.values().stream().flatMap(List::stream).findFirst().orElse(null);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses with every error so far; does nothing when there is none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }
}
