package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a field (or a whole record) means to a client developer, for the OpenAPI document only: binding and
 * validation never read it. {@code allowed} names the closed set a text field takes, where its Java type is a
 * {@code String} rather than an enum.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {

    String value();

    /** A value as the wire carries it, written as text ({@code "42"}, {@code "true"}, {@code "men"}); empty: none. */
    String example() default "";

    String[] allowed() default {};

    /** The value may be null (an answer's field); without an example, null is the example. */
    boolean nullable() default false;
}
