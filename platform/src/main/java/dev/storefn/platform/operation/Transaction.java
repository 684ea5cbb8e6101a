package dev.storefn.platform.operation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an operation uses database transactions, said on its class: every operation says it, and the platform
 * refuses to start when one does not, or when one that takes {@code Transactions} says anything but {@link Mode#OWN}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Transaction {

    Mode value();

    enum Mode {
        /** The platform runs the whole call in one transaction: committed if it returns, rolled back if it throws. */
        ONE,
        /**
         * The operation runs its own, through {@code Transactions}, around a call off the box (Stripe, Cloudinary,
         * Google), which must hold no lock and no connection; the platform opens none.
         */
        OWN,
        /** No transaction: each statement commits on its own (reads, and writes that must outlive a refusal). */
        NONE
    }
}
