package dev.storefn.devtools.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.storefn.RouteTable;
import dev.storefn.lambda.ApiGatewayFunctions;
import dev.storefn.platform.routes.Route;

/**
 * Writes {@code template.yaml}, the AWS SAM template that deploys storefn as one Lambda function behind an
 * HTTP API. Every route of the route table becomes an API route of its own, so adding a route to the table
 * needs no change here, only a regeneration ({@link #REGENERATE}).
 */
public final class SamTemplate {

    static final String REGENERATE = "./mvnw -q -pl devtools -am compile exec:java"
            + " > template.yaml";

    static final String FUNCTION = "StorefnFunction";
    static final String SCHEDULED_FUNCTION = "ScheduledJobsFunction";

    /** The environment every deployment gets, whatever its parameters say. */
    public static final Map<String, String> FIXED_ENVIRONMENT = fixedEnvironment();

    /** A deployment setting: a template parameter handed to the function as an environment variable. */
    record Parameter(String name, String variable, boolean secret, String defaultValue, String description) {

        boolean required() {
            return defaultValue == null;
        }
    }

    static final List<Parameter> PARAMETERS = List.of(
            new Parameter("DatabaseUrl", "DATABASE_URL", true, null,
                    "PostgreSQL: postgresql://user:pass@host:port/db?sslmode=require or jdbc:postgresql://...;"
                            + " a transaction pooler (Supabase port 6543) works"),
            new Parameter("SecretKey", "SECRET_KEY", true, null,
                    "The shop's signing secret: a long random string, the same for every deployment of one shop"),
            new Parameter("StripeSecretKey", "STRIPE_SECRET_KEY", true, "", "Stripe secret API key (sk_...)"),
            new Parameter("StripeWebhookSecret", "STRIPE_WEBHOOK_SECRET", true, "",
                    "Signing secret of the Stripe webhook endpoint (whsec_...)"),
            new Parameter("CloudinaryUrl", "CLOUDINARY_URL", true, "",
                    "cloudinary://API_KEY:API_SECRET@CLOUD_NAME for product images; without it image uploads answer 503"),
            new Parameter("GoogleClientId", "GOOGLE_CLIENT_ID", false, "", "OAuth client id for Google sign-in"),
            new Parameter("CorsAllowedOrigins", "CORS_ALLOWED_ORIGINS", false, "",
                    "Storefront origins that may call the API, comma-separated (https://shop.example.com)"),
            new Parameter("FrontendUrl", "FRONTEND_URL", false, "",
                    "The storefront's address, for links back to it (payment return pages, e-mails)"),
            new Parameter("PublicBaseUrl", "PUBLIC_BASE_URL", false, "",
                    "The API's public address for page links (the ApiUrl output, or a custom domain); empty: http://localhost:8000"),
            new Parameter("StoreTimeZone", "STORE_TIME_ZONE", false, "UTC", "Time zone of order dates and report days"));

    private SamTemplate() {
    }

    public static void main(String[] args) {
        System.out.print(render(RouteTable.ROUTES));
    }

    private static Map<String, String> fixedEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        // Without a definition FunctionInvoker routes on message headers, which are the client's HTTP headers.
        environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", ApiGatewayFunctions.HTTP_API);
        environment.put("MAIN_CLASS", "dev.storefn.Storefn");
        // One request at a time per instance: one connection is all it can use.
        environment.put("DB_POOL_SIZE", "1");
        // No connection during init: SnapStart would freeze it into the snapshot and restore it dead.
        environment.put("DB_MIN_IDLE", "0");
        // Migrations run once per deploy (java -jar storefn.jar migrate), not in every cold start.
        environment.put("STOREFN_MIGRATE_ON_START", "false");
        // Short-lived instances gain more from C1's quick compiles than from C2's slower, better ones.
        environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        // Per-route latency as CloudWatch metric lines (the box has a Prometheus endpoint instead).
        environment.put("STOREFN_METRIC_LINES", "true");
        return environment;
    }

    static String render(List<Route> routes) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("""
                # Generated from the route table (dev.storefn.RouteTable) by dev.storefn.lambda.SamTemplate.
                # Do not edit: change the generator or the table, then regenerate:
                #   %s
                #
                # Deploy: ./mvnw -pl functions -am package, then sam deploy --guided (later: sam deploy).
                # No sam build: CodeUri is the finished package. The function does not migrate the database;
                # run `java -jar runner/target/storefn.jar migrate` with the same DATABASE_URL before deploying
                # a version that needs new migrations.
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Description: storefn, the shop API as one Lambda function behind an HTTP API

                Parameters:
                """.formatted(REGENERATE));
        for (Parameter parameter : PARAMETERS) {
            yaml.append("  ").append(parameter.name()).append(":\n");
            yaml.append("    Type: String\n");
            if (parameter.secret()) {
                yaml.append("    NoEcho: true\n");
            }
            if (!parameter.required()) {
                yaml.append("    Default: ").append(quoted(parameter.defaultValue())).append('\n');
            }
            yaml.append("    Description: ").append(quoted(parameter.description())).append('\n');
        }
        yaml.append("""

                Resources:
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: lambda/target/storefn-lambda.jar
                      Handler: org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest
                      Runtime: java25
                      # arm64 (Graviton) costs about 20%% less per GB-second than x86_64 and SnapStart supports it;
                      # the package is pure Java (no native library inside), so nothing in it depends on the CPU.
                      # (sam local invoke on an x86_64 machine runs the arm64 image under QEMU emulation.)
                      Architectures:
                        - arm64
                      # Lambda gives CPU in proportion to memory (1769 MB is one vCPU). The JVM needs about 250 MB;
                      # the rest buys CPU for the first requests after a restore, when classes still load and
                      # code is still interpreted. Raise it to 1769 for one full vCPU if tail latency matters more.
                      MemorySize: 1024
                      # API Gateway gives up on an integration after 30 s (HTTP API's hard limit) and answers 503;
                      # stopping at 29 s means no instance keeps working, and billing, for an answer nobody waits for.
                      Timeout: 29
                      # SnapStart snapshots a published version after init; the API calls the alias, so every
                      # deploy publishes a version and cold starts restore the snapshot instead of starting Spring.
                      AutoPublishAlias: live
                      SnapStart:
                        ApplyOn: PublishedVersions
                      Environment:
                        Variables:
                """.formatted(FUNCTION));
        appendEnvironment(yaml, ApiGatewayFunctions.HTTP_API);
        yaml.append("""
                      # One API route per route of the table, exactly as the table writes it (trailing slash
                      # included), and a catch-all behind them: paths without their slash still reach the
                      # function's own 301, unknown paths its JSON 404, and OPTIONS preflights its CORS answer.
                      Events:
                """);
        List<String> names = eventNames(routes);
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            yaml.append("        # ").append(route.name()).append(": ").append(oneLine(route.summary())).append('\n');
            appendEvent(yaml, names.get(i), route.method(), route.path());
        }
        yaml.append("        # Everything else, answered by the function itself ({proxy+} does not match the root).\n");
        Set<String> taken = new HashSet<>(names);
        appendEvent(yaml, uniqueName("CatchAll", taken), "ANY", "/{proxy+}");
        appendEvent(yaml, uniqueName("Root", taken), "ANY", "/");
        yaml.append("""

                  # No CorsConfiguration: API Gateway would answer OPTIONS preflights itself and they would never
                  # reach the function, which applies CORS_ALLOWED_ORIGINS as it does behind the web server.
                  HttpApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Description: storefn shop API, routes generated from the route table

                  # The shop's clock: every scheduled job (the sweep of abandoned Stripe checkouts) once a run, through
                  # the same package and code as the API. Not behind the API, so nobody else can start it.
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: lambda/target/storefn-lambda.jar
                      Handler: org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest
                      Runtime: java25
                      MemorySize: 1024
                      Timeout: 120
                      Environment:
                        Variables:
                %s      Events:
                        EveryFiveMinutes:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)

                Outputs:
                  ApiUrl:
                    Description: Base URL of the API (the storefront's VITE_API_URL is this followed by api)
                    Value: !Sub "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
                  FunctionAlias:
                    Description: The alias the API invokes; SnapStart snapshots its versions
                    Value: !Ref %s.Alias
                """.formatted(SCHEDULED_FUNCTION, environment(ApiGatewayFunctions.SCHEDULED_JOBS), FUNCTION));
        return yaml.toString();
    }

    private static void appendEnvironment(StringBuilder yaml, String definition) {
        yaml.append(environment(definition));
    }

    /** The environment of a function running {@code definition}: the fixed settings and every parameter. */
    private static String environment(String definition) {
        StringBuilder yaml = new StringBuilder();
        FIXED_ENVIRONMENT.forEach((name, value) -> yaml.append("          ").append(name).append(": ")
                .append(quoted("SPRING_CLOUD_FUNCTION_DEFINITION".equals(name) ? definition : value)).append('\n'));
        for (Parameter parameter : PARAMETERS) {
            yaml.append("          ").append(parameter.variable()).append(": !Ref ").append(parameter.name()).append('\n');
        }
        return yaml.toString();
    }

    private static void appendEvent(StringBuilder yaml, String name, String method, String path) {
        yaml.append("        ").append(name).append(":\n");
        yaml.append("          Type: HttpApi\n");
        yaml.append("          Properties:\n");
        yaml.append("            ApiId: !Ref HttpApi\n");
        yaml.append("            Method: ").append(method).append('\n');
        yaml.append("            Path: ").append(quoted(path)).append('\n');
    }

    /** Event names like {@code GetApiProductsById}: alphanumeric, as CloudFormation ids must be, and unique. */
    static List<String> eventNames(List<Route> routes) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Route route : routes) {
            StringBuilder name = new StringBuilder(capitalised(route.method().toLowerCase(Locale.ROOT)));
            for (String segment : route.segments()) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    name.append("By");
                    segment = segment.substring(1, segment.length() - 1);
                }
                for (String word : segment.split("[^A-Za-z0-9]+")) {
                    name.append(capitalised(word));
                }
            }
            String unique = uniqueName(name.toString(), taken);
            taken.add(unique);
            names.add(unique);
        }
        return names;
    }

    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int suffix = 2; taken.contains(candidate); suffix++) {
            candidate = name + suffix;
        }
        return candidate;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
