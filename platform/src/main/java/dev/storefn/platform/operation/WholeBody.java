package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input component, itself a record, bound from the whole body object rather than from one of its fields:
 * {@code record Input(Caller caller, @WholeBody NewAddress address)}. With {@code partial}, every field may be
 * left out (a PATCH), as DRF's {@code partial=True}; the ones given still pass their rules.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface WholeBody {

    boolean partial() default false;
}
