package dev.storefn.platform.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input component holding a token the caller presented, verified or not: the access token of the
 * {@code Authorization: Bearer} header, or the refresh token of the body field of the component's name,
 * and in cookie mode the cookie of that kind. Null when none was presented; never a refusal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Credential {

    Kind value();

    enum Kind {
        ACCESS, REFRESH
    }
}
