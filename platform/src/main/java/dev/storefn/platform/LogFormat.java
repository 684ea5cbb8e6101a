package dev.storefn.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * {@code LOG_FORMAT=json}: one JSON object per log line (Spring Boot's structured logging, Elastic Common Schema),
 * for journald on the box or CloudWatch on Lambda to index; every line written while a request is answered
 * carries its {@code request_id}. {@code text}, the default, is the console pattern. Set before logging starts;
 * a value it does not know is refused once logging can say so ({@link Check}).
 */
public class LogFormat implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("json".equals(format(environment))) {
            environment.getPropertySources().addFirst(new MapPropertySource("storefnLogFormat",
                    Map.of("logging.structured.format.console", "ecs",
                            // The text pattern's pre-formatted copy of the request id; JSON has request_id itself.
                            "logging.structured.json.exclude", "request")));
        }
    }

    private static String format(Environment environment) {
        return environment.getProperty("LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
    }

    @Component
    static class Check {

        Check(Environment environment) {
            if (!List.of("text", "json").contains(format(environment))) {
                throw new Misconfiguration("LOG_FORMAT is text or json, not " + format(environment));
            }
        }
    }
}
