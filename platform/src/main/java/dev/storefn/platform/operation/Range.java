package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bounds of a whole-number or decimal input, with DRF's wording unless the operation gives its own. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    long min() default Long.MIN_VALUE;

    /** Empty: "Ensure this value is greater than or equal to {min}." */
    String belowMin() default "";

    long max() default Long.MAX_VALUE;

    /** Empty: "Ensure this value is less than or equal to {max}." */
    String aboveMax() default "";
}
