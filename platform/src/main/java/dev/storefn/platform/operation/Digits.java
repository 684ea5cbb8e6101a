package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision of a decimal input, as DRF's {@code DecimalField(max_digits, decimal_places)} checks it:
 * digits are counted as written, so {@code 1.000} has three decimal places. {@link Range} may bound it too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Digits {

    /** Digits in all. */
    int total();

    /** Digits after the decimal point. */
    int fraction();

    /** Empty: "Ensure that there are no more than {total} digits in total." */
    String tooManyDigits() default "";

    /** Empty: "Ensure that there are no more than {fraction} decimal places." */
    String tooManyDecimals() default "";

    /** Empty: "Ensure that there are no more than {total - fraction} digits before the decimal point." */
    String tooManyWholeDigits() default "";
}
