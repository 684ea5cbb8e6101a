package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link Upload} component: the file must be a JPEG, PNG, WebP or GIF image that decodes, whatever
 * its name or declared type says, of at most 10 MB; otherwise a field error, as DRF's {@code ImageField} gives.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Image {
}
