package dev.storefn.devtools.aws;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.storefn.platform.routes.Route;
import dev.storefn.RouteTable;

class SamTemplateTest {

    /** An operation that exists only for the routes this test adds. */
    static final class AddItem implements Function<AddItem.Input, String> {

        record Input(long productId) {
        }

        @Override
        public String apply(Input input) {
            return "added";
        }
    }

    private static final Path COMMITTED = Path.of("..", "template.yaml");

    @Test
    void theCommittedTemplateIsWhatTheRouteTableProduces() throws IOException {
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("template.yaml is out of date with the route table; regenerate it from the repository root with:%n  %s",
                        SamTemplate.REGENERATE)
                .isEqualTo(SamTemplate.render(RouteTable.ROUTES));
    }

    @Test
    void everyRouteBecomesAnApiRouteWithItsTrailingSlashAndTheCatchAllComesLast() {
        List<Route> routes = new ArrayList<>(RouteTable.ROUTES);
        routes.add(Route.of("POST", "/api/cart/add-item/", AddItem.class, ANONYMOUS, "A route added later"));
        routes.add(Route.of("POST", "/api/cart/add_item/", AddItem.class, ANONYMOUS, "Same name once made alphanumeric"));

        Map<String, Map<String, Object>> events = events(parse(SamTemplate.render(routes)));

        List<String> expected = new ArrayList<>();
        routes.forEach(route -> expected.add(route.method() + " " + route.path()));
        expected.add("ANY /{proxy+}");
        expected.add("ANY /");
        assertThat(events.values()).extracting(event -> property(event, "Method") + " " + property(event, "Path"))
                .containsExactlyElementsOf(expected);
        assertThat(events.keySet()).contains("GetApiProductsById", "PostApiCartAddItem", "PostApiCartAddItem2", "CatchAll", "Root")
                .allMatch(name -> name.matches("[A-Za-z0-9]+"));
        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event).containsEntry("Type", "HttpApi");
            assertThat(property(event, "ApiId")).isEqualTo("HttpApi");
        });
    }

    @Test
    void theFunctionIsASnapStartedJavaLambdaWithLambdasSettings() {
        Map<String, Object> template = parse(SamTemplate.render(RouteTable.ROUTES));
        assertThat(template).containsEntry("Transform", "AWS::Serverless-2016-10-31");
        // The API's function, and the clock's: every scheduled job on an EventBridge schedule, same package.
        assertThat(map(template.get("Resources")).values())
                .filteredOn(resource -> "AWS::Serverless::Function".equals(map(resource).get("Type"))).hasSize(2);
        Map<String, Object> clock = map(map(map(template.get("Resources")).get(SamTemplate.SCHEDULED_FUNCTION)).get("Properties"));
        assertThat(map(map(clock.get("Environment")).get("Variables"))).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "scheduledJobs")
                .containsEntry("DATABASE_URL", "DatabaseUrl");
        // The JDK the box runs too (deploy/bootstrap.sh), so both load what the benchmark measured.
        assertThat(clock).containsEntry("Runtime", "java25");
        assertThat(map(map(map(clock.get("Events")).get("EveryFiveMinutes")).get("Properties"))).containsEntry("Schedule", "rate(5 minutes)");
        Map<String, Object> function = map(map(template.get("Resources")).get(SamTemplate.FUNCTION));
        assertThat(function).containsEntry("Type", "AWS::Serverless::Function");
        Map<String, Object> properties = map(function.get("Properties"));
        assertThat(properties).contains(
                entry("CodeUri", "lambda/target/storefn-lambda.jar"),
                entry("Handler", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest"),
                entry("Runtime", "java25"),
                entry("AutoPublishAlias", "live"),
                entry("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        assertThat((Integer) properties.get("Timeout")).isLessThan(30);

        Map<String, Object> variables = map(map(properties.get("Environment")).get("Variables"));
        assertThat(variables).containsAllEntriesOf(SamTemplate.FIXED_ENVIRONMENT).contains(
                entry("SPRING_CLOUD_FUNCTION_DEFINITION", "httpApi"),
                entry("MAIN_CLASS", "dev.storefn.Storefn"),
                entry("DB_MIN_IDLE", "0"),
                entry("STOREFN_MIGRATE_ON_START", "false"));
        Map<String, Object> parameters = map(template.get("Parameters"));
        for (SamTemplate.Parameter parameter : SamTemplate.PARAMETERS) {
            // The !Ref tag is read as its plain value here.
            assertThat(variables).containsEntry(parameter.variable(), parameter.name());
            Map<String, Object> declared = map(parameters.get(parameter.name()));
            assertThat(declared.get("NoEcho")).as(parameter.name()).isEqualTo(parameter.secret() ? true : null);
            assertThat(declared.get("Default")).as(parameter.name()).isEqualTo(parameter.defaultValue());
        }
        assertThat(parameters).hasSameSizeAs(SamTemplate.PARAMETERS);
    }

    @Test
    void apiGatewayLeavesCorsToTheFunction() {
        Map<String, Object> api = map(map(parse(SamTemplate.render(RouteTable.ROUTES)).get("Resources")).get("HttpApi"));
        assertThat(api).containsEntry("Type", "AWS::Serverless::HttpApi");
        assertThat(map(api.get("Properties"))).doesNotContainKey("CorsConfiguration");
    }

    private static Map<String, Map<String, Object>> events(Map<String, Object> template) {
        Map<String, Object> function = map(map(template.get("Resources")).get(SamTemplate.FUNCTION));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) map(function.get("Properties")).get("Events");
        return events;
    }

    private static Object property(Map<String, Object> event, String name) {
        return map(event.get("Properties")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** YAML with CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}) read as their plain values. */
    private static Map<String, Object> parse(String yaml) {
        SafeConstructor constructor = new SafeConstructor(new LoaderOptions()) {
            {
                yamlConstructors.put(null, new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return constructScalar((ScalarNode) node);
                    }
                });
            }
        };
        return new Yaml(constructor).load(yaml);
    }
}
