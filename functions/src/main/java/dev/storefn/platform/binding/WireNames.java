package dev.storefn.platform.binding;

import java.lang.reflect.RecordComponent;

import dev.storefn.platform.operation.Field;

/** Component names as the JSON mapper writes them: {@code firstName} is {@code first_name}. */
public final class WireNames {

    private WireNames() {
    }

    /** An input component's name on the wire: its {@code @Field} name, else its own name in snake_case. */
    static String of(RecordComponent component) {
        Field field = component.getAnnotation(Field.class);
        return field != null && !field.name().isEmpty() ? field.name() : snakeCase(component.getName());
    }

    /** Jackson's snake_case: an underscore before each upper-case letter that follows a lower-case one or a digit. */
    public static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_') {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
