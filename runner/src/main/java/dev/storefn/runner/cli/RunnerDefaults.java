package dev.storefn.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The runner's settings, as the lowest-precedence property source so that environment variables and
 * command-line arguments still win. Applies to every context the runner starts (serve, invoke, tests).
 */
class RunnerDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = defaults();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("storefnRunnerDefaults", DEFAULTS));
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "${PORT:8000}");
        // Loopback unless told otherwise: on the server nginx is the only way in.
        defaults.put("server.address", "${SERVER_ADDRESS:127.0.0.1}");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("server.tomcat.threads.max", "${STOREFN_HTTP_THREADS:64}");
        // Tomcat's 8 KB refuses a browser with many cookies plus a bearer token; beyond this the answer is 400 JSON.
        defaults.put("server.max-http-request-header-size", "16KB");
        // No /error page or controller: Tomcat's error report valve answers errors, in JSON (TomcatJsonErrors).
        defaults.put("spring.autoconfigure.exclude", "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration");
        defaults.put("spring.mvc.problemdetails.enabled", "false");
        // initdb's and the postmaster's start-up chatter; our own line says where the embedded PostgreSQL starts.
        defaults.put("logging.level.io.zonky.test.db.postgres", "WARN");
        if (!Boolean.getBoolean(Main.DEBUG)) {
            // A failed start is one line on standard error (StartupFailures); Spring Boot's report
            // block and the context's note about the cancelled refresh would repeat it, with every bean in the chain.
            defaults.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
            defaults.put("logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger", "WARN");
            // The context that failed logs the whole chain at WARN, under its own class's name.
            defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
            defaults.put("logging.level.org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext", "ERROR");
        }
        return defaults;
    }
}
