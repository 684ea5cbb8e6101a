package dev.storefn.devtools.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no {@code DATABASE_URL} is configured: the runner then brings its own PostgreSQL. */
class WithoutDatabaseUrl implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("DATABASE_URL"));
    }
}
