package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input component read from the route's path: {@code @Path long id} for {@code /api/products/{id}/}, named
 * like the segment in snake_case ({@code @Path long itemId} for {@code {item_id}}). Path parameters are whole
 * numbers; a route whose path parameter has no such component, or a component with no such segment, fails the start.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Path {
}
