package dev.storefn.lambda;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.storefn.devtools.aws.SamTemplate;

/**
 * System properties standing in for a Lambda function's environment variables for the length of a test,
 * then put back as they were: the test JVM is shared with other tests.
 */
final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private SystemProperties(Map<String, String> values) {
        values.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    }

    static SystemProperties set(Map<String, String> values) {
        return new SystemProperties(values);
    }

    /**
     * template.yaml's fixed environment as system properties, plus {@code extra}. Spring maps only real
     * environment variables onto property names, so the function definition is given by its property name;
     * JVM options are for a JVM that is already running.
     */
    static SystemProperties lambdaEnvironment(Map<String, String> extra) {
        Map<String, String> values = new LinkedHashMap<>(SamTemplate.FIXED_ENVIRONMENT);
        values.put("spring.cloud.function.definition", values.remove("SPRING_CLOUD_FUNCTION_DEFINITION"));
        values.remove("JAVA_TOOL_OPTIONS");
        values.putAll(extra);
        return set(values);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
