package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a component of an operation's input is read from the request body (the default source) or, with
 * {@link Query}, from the query string, and the rules it must pass. Without this annotation a body field
 * is required, named in snake_case, trimmed if it is text, and worded as DRF words its errors.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    boolean required() default true;

    /** The message when a required field is missing or null. */
    String missing() default "This field is required.";

    /** The message when the value has the wrong type or format; empty means the type's DRF wording. */
    String invalid() default "";

    /** Text is stripped of surrounding white space, as DRF's CharField does. */
    boolean trim() default true;

    /** Whether an empty text (after trimming) is accepted. */
    boolean blank() default false;

    int minLength() default 0;

    String tooShort() default "";

    int maxLength() default Integer.MAX_VALUE;

    String tooLong() default "";

    /** A regular expression non-empty text must match in full; empty means any. */
    String pattern() default "";

    String mismatch() default "Enter a valid value.";

    /**
     * Any problem with this field (or inside it) is refused as the original's business error
     * {@code {"error": message, "detail": message}} with the first message, rather than as a field map.
     */
    boolean refuseAsError() default false;

    /** For a nested record: its fields' errors are reported under their own names, not {@code name.field}. */
    boolean flatErrors() default false;
}
