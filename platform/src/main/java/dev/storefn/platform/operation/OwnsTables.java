package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a feature's {@code package-info}: the tables the feature owns. Other features may read them in their own
 * SQL (joins for views) but write them only through what the owner exposes; the architecture test checks it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    String[] value();
}
