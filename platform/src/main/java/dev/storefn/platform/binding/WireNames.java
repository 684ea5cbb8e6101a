package dev.storefn.platform.binding;

import java.lang.reflect.RecordComponent;

import tools.jackson.databind.PropertyNamingStrategies;

/** Component names as the JSON mapper writes them ({@code firstName} is {@code first_name}): Jackson's own snake_case. */
public final class WireNames {

    private WireNames() {
    }

    /** An input component's name on the wire: its own name in snake_case. */
    static String of(RecordComponent component) {
        return snakeCase(component.getName());
    }

    public static String snakeCase(String name) {
        // The strategy the mappers are built with; its naming depends on the name alone, not on config or member.
        return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, name);
    }
}
