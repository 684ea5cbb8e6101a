package dev.storefn.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import org.springframework.util.ClassUtils;

import dev.storefn.Storefn;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * The Lambda pass of the request tests. With {@code -Dstorefn.via=lambda-v2} (or {@code lambda-v1}) the
 * tests that send requests send them as API Gateway events through {@code FunctionInvoker}, to an instance
 * booted beside the test's context with the same settings and database, so a route that behaves differently
 * on Lambda fails the build. The build runs each module's request tests both ways: this module's in devtools,
 * which provides the local API Gateway as a {@link Gateway.Opener} service (this module cannot depend on it).
 */
public final class ThroughLambda {

    private static final String VIA = System.getProperty("storefn.via");

    private ThroughLambda() {
    }

    public static boolean active() {
        return VIA != null;
    }

    /** For a test that watches this context's own beans (its statement counter, say), which another instance bypasses. */
    public static void skipUnlessDirect(String why) {
        Assumptions.assumeFalse(active(), why);
    }

    /** Whether the pass sends REST API (v1) events rather than HTTP API (v2) ones. */
    public static boolean restApi() {
        return switch (VIA) {
            case "lambda-v2" -> false;
            case "lambda-v1" -> true;
            default -> throw new IllegalStateException("storefn.via is lambda-v2 or lambda-v1, not " + VIA);
        };
    }

    /** An instance booted with these settings behind a local API Gateway of this pass's payload version. */
    public static Gateway open(Map<String, String> settings) {
        Gateway.Opener opener = ServiceLoader.load(Gateway.Opener.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "The Lambda pass needs a local API Gateway (a ThroughLambda.Gateway.Opener service): run it from devtools"));
        return opener.open(restApi(), settings);
    }

    /** A request, as a client sent it, through API Gateway and the Lambda handler; the answer as the client gets it. */
    public interface Gateway {

        WireResponse handle(WireRequest request, String rawQuery);

        interface Opener {
            Gateway open(boolean restApi, Map<String, String> settings);
        }
    }

    /**
     * The words of a 413: storefn's own, or, through Lambda, API Gateway's, which refuses an event over
     * Lambda's 6 MB itself before any function runs.
     */
    public static String sizeRefusal(tools.jackson.databind.JsonNode body) {
        return active() ? body.get("message").asString() : body.get("detail").asString();
    }

    public static String expectedSizeRefusal() {
        return active() ? "Request Entity Too Large" : "Request body too large.";
    }

    /**
     * What a test class set for its own context ({@code @TestPropertySource}, {@code @SpringBootTest(properties)},
     * {@code @DynamicPropertySource}): the instance beside it must start with the same.
     */
    public static Map<String, String> settingsOf(ApplicationContext context) {
        Map<String, String> settings = new HashMap<>();
        // A test application of its own (one that imports the shop, like the echo shop) is the instance's main class.
        context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
                .map(bean -> ClassUtils.getUserClass(bean).getName())
                .filter(name -> !name.equals(Storefn.class.getName()))
                .findFirst()
                .ifPresent(application -> settings.put("MAIN_CLASS", application));
        for (PropertySource<?> source : ((ConfigurableEnvironment) context.getEnvironment()).getPropertySources()) {
            if (source.getName().endsWith("Test Properties") && source instanceof EnumerablePropertySource<?> test) {
                for (String name : test.getPropertyNames()) {
                    settings.put(name, String.valueOf(test.getProperty(name)));
                }
            }
        }
        return settings;
    }
}
