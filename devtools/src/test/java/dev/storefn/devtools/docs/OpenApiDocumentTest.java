package dev.storefn.devtools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.storefn.RouteTable;
import dev.storefn.platform.access.Access;
import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.Header;
import dev.storefn.platform.routes.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a client developer reads it: every operation summarised and tagged with its feature,
 * every field of every request and answer described, every closed set an enum, every header a route reads or
 * answers documented, and examples of the bodies and of each error shape.
 */
class OpenApiDocumentTest {

    private static final JsonNode DOCUMENT = JsonMapper.builder().build().valueToTree(OpenApiGenerator.build(RouteTable.ROUTES));

    private static final Path COMMITTED = Path.of("..", "functions", "src", "main", "resources", OpenApiDocument.RESOURCE);

    /** Fields that take a closed set of values wherever they appear, and every value any of them may take. */
    private static final Map<String, Set<String>> CLOSED_SETS = Map.of(
            "category", Set.of("men", "women", "N/A"),
            "payment_method", Set.of("cod", "stripe"),
            "payment_status", Set.of("unpaid", "paid"),
            "order_status", Set.of("processing", "shipped", "delivered", "cancelled"),
            "refund_status", Set.of("pending", "refunded", "failed"),
            "role", Set.of("admin", "user"),
            "status", Set.of("ok", "success", "deleted", "unavailable"));

    private static final Set<String> FEATURES = Set.of("accounts", "catalog", "cart", "addresses", "orders", "payments", "panel");

    @Test
    void theCommittedDocumentIsWhatTheRouteTableProduces() throws IOException {
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("%s is out of date with the route table; regenerate it from the repository root with:%n  %s", COMMITTED,
                        OpenApiGenerator.REGENERATE)
                .isEqualTo(OpenApiGenerator.render(RouteTable.ROUTES));
    }

    @Test
    void theShopServesTheCommittedDocument() throws IOException {
        Document served = new OpenApiDocument().apply(new OpenApiDocument.Input());
        assertThat(served.mediaType()).isEqualTo("application/json; charset=utf-8");
        assertThat(JsonMapper.shared().readTree(served.content())).isEqualTo(JsonMapper.shared().readTree(COMMITTED.toFile()));
    }

    @Test
    void everyOperationHasItsSummaryAndItsFeaturesTag() {
        Set<String> defined = new TreeSet<>();
        DOCUMENT.get("tags").forEach(tag -> {
            assertThat(tag.path("description").asString("")).as(tag.toString()).isNotBlank();
            defined.add(tag.get("name").asString());
        });
        for (Route route : RouteTable.ROUTES) {
            JsonNode operation = operation(route);
            String feature = route.operation().getPackageName().substring("dev.storefn.".length());
            String tag = FEATURES.contains(feature) ? feature : "service";
            assertThat(operation.path("summary").asString("")).as(route.key()).isNotBlank().isEqualTo(route.summary());
            assertThat(operation.get("tags")).as(route.key()).hasSize(1);
            assertThat(operation.get("tags").get(0).asString()).as(route.key()).isEqualTo(tag);
            assertThat(defined).contains(tag);
        }
    }

    @Test
    void everyFieldOfEveryRequestAndAnswerIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        properties(DOCUMENT, "", (where, name, schema) -> {
            String description = schema.path("description").asString("");
            if (description.isBlank() || description.equalsIgnoreCase(name.replace('_', ' '))) {
                undescribed.add(where + "." + name);
            }
        });
        parameters((where, parameter) -> {
            if (parameter.path("description").asString("").isBlank()) {
                undescribed.add(where + " " + parameter.get("in").asString() + " " + parameter.get("name").asString());
            }
        });
        assertThat(undescribed).isEmpty();
        // The walk sees the nested records too: the lines of an order and the product in a cart line.
        assertThat(DOCUMENT.at("/components/schemas/OrderViewItem/properties/product_name/description").isString()).isTrue();
        assertThat(DOCUMENT.at("/components/schemas/CreateOrderLine/properties/quantity/description").isString()).isTrue();
    }

    @Test
    void everyClosedSetIsAnEnumOfItsValues() {
        List<String> open = new ArrayList<>();
        properties(DOCUMENT, "", (where, name, schema) -> {
            if (CLOSED_SETS.containsKey(name) && !closed(schema, CLOSED_SETS.get(name))) {
                open.add(where + "." + name + " " + schema);
            }
        });
        parameters((where, parameter) -> {
            String name = parameter.get("name").asString();
            if (CLOSED_SETS.containsKey(name) && !closed(parameter.get("schema"), CLOSED_SETS.get(name))) {
                open.add(where + " " + name);
            }
        });
        assertThat(open).isEmpty();
        assertThat(DOCUMENT.at("/components/schemas/OrderView/properties/order_status/enum")).extracting(JsonNode::asString)
                .containsExactly("processing", "shipped", "delivered", "cancelled");
        assertThat(DOCUMENT.at("/components/schemas/CreateOrderInput/properties/payment_method/enum")).extracting(JsonNode::asString)
                .containsExactly("cod", "stripe");
    }

    @Test
    void everyRouteDocumentsTheHeadersItReadsAndAnswers() {
        for (Route route : RouteTable.ROUTES) {
            JsonNode operation = operation(route);
            Set<String> headers = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> {
                if (parameter.get("in").asString().equals("header")) {
                    headers.add(parameter.get("name").asString());
                }
            });
            for (var component : route.input().getRecordComponents()) {
                if (component.isAnnotationPresent(Header.class)) {
                    assertThat(headers).as(route.key()).contains(component.getAnnotation(Header.class).value());
                }
            }
            assertThat(headers.contains("Idempotency-Key")).as(route.key() + " Idempotency-Key").isEqualTo(route.idempotent());

            JsonNode responses = operation.get("responses");
            assertThat(responses.has("429")).as(route.key() + " 429").isEqualTo(route.rateLimit() != null);
            if (route.rateLimit() != null) {
                assertThat(response(responses.get("429")).at("/headers/Retry-After").isObject()).as(route.key()).isTrue();
            }
            assertThat(response(responses.get("503")).at("/headers/Retry-After").isObject()).as(route.key() + " 503").isTrue();

            List<JsonNode> ways = new ArrayList<>();
            operation.get("security").forEach(ways::add);
            assertThat(ways).as(route.key()).anySatisfy(way -> assertThat(way.has("bearer")).isTrue());
            boolean open = route.access() == Access.ANONYMOUS || route.access() == Access.ANYONE;
            assertThat(ways.stream().anyMatch(JsonNode::isEmpty)).as(route.key() + " callable without credentials").isEqualTo(open);
            if (!route.method().equals("GET")) {
                // In cookie mode a write must echo the CSRF cookie.
                assertThat(ways).as(route.key()).filteredOn(way -> way.has("cookie")).allSatisfy(way -> assertThat(way.has("csrf")).isTrue());
            }
        }
        assertThat(DOCUMENT.at("/paths/~1api~1orders~1webhook~1/post/parameters/0/name").asString()).isEqualTo("Stripe-Signature");
        assertThat(DOCUMENT.at("/components/securitySchemes/csrf/name").asString()).isEqualTo("X-CSRFToken");
        assertThat(DOCUMENT.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void bodiesAndEveryErrorShapeHaveExamples() {
        for (Route route : RouteTable.ROUTES) {
            JsonNode operation = operation(route);
            JsonNode request = operation.at("/requestBody/content/application~1json");
            if (!request.isMissingNode() && request.at("/schema/$ref").isString()) {
                assertThat(request.get("example")).as(route.key() + " request").isNotNull();
            }
            JsonNode success = operation.at("/responses/" + route.success().status() + "/content/application~1json");
            if (!success.isMissingNode()) {
                assertThat(success.get("example")).as(route.key() + " answer").isNotNull();
            }
        }
        assertThat(DOCUMENT.at("/paths/~1api~1orders~1create~1/post/requestBody/content/application~1json/example/cart/0/quantity")
                .asInt()).isEqualTo(2);

        List<JsonNode> invalid = examples("Invalid");
        assertThat(invalid).anySatisfy(body -> {
            assertThat(body.get("detail").isString()).isTrue();
            assertThat(body.properties()).anySatisfy(field -> assertThat(field.getValue().isArray()).isTrue());
        });
        assertThat(invalid).anySatisfy(body -> assertThat(body.propertyNames()).containsExactlyInAnyOrder("error", "detail"));
        assertThat(invalid).anySatisfy(body -> assertThat(body.propertyNames()).containsExactly("detail"));
        assertThat(examples("RateLimited")).allSatisfy(body -> assertThat(body.get("detail").isString()).isTrue());
        assertThat(examples("Unavailable")).allSatisfy(body -> assertThat(body.get("detail").isString()).isTrue());
        assertThat(examples("Failed")).anySatisfy(body -> assertThat(body.has("request_id")).isTrue());
    }

    private interface PropertyVisitor {
        void visit(String where, String name, JsonNode schema);
    }

    private interface ParameterVisitor {
        void visit(String where, JsonNode parameter);
    }

    /** Every property of every object schema in the document, components and inline ones alike. */
    private static void properties(JsonNode node, String where, PropertyVisitor visitor) {
        if (node.isObject()) {
            if (node.path("properties").isObject()) {
                node.get("properties").properties().forEach(property -> visitor.visit(where, property.getKey(), property.getValue()));
            }
            node.properties().forEach(child -> properties(child.getValue(), where + "/" + child.getKey(), visitor));
        } else if (node.isArray()) {
            node.forEach(child -> properties(child, where, visitor));
        }
    }

    private static void parameters(ParameterVisitor visitor) {
        for (Route route : RouteTable.ROUTES) {
            operation(route).path("parameters").forEach(parameter -> visitor.visit(route.key(), parameter));
        }
    }

    /** An enum whose values (null aside, for a field that may be null) all belong to the set. */
    private static boolean closed(JsonNode schema, Set<String> values) {
        JsonNode allowed = schema.path("enum");
        if (!allowed.isArray() || allowed.isEmpty()) {
            return false;
        }
        for (JsonNode value : allowed) {
            if (!value.isNull() && !values.contains(value.asString())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode operation(Route route) {
        JsonNode operation = DOCUMENT.path("paths").path(route.path()).path(route.method().toLowerCase());
        assertThat(operation.isObject()).as(route.key()).isTrue();
        return operation;
    }

    private static JsonNode response(JsonNode reference) {
        String ref = reference.path("$ref").asString("");
        return ref.isEmpty() ? reference : DOCUMENT.at(ref.substring(1));
    }

    /** The example bodies of one of the error answers. */
    private static List<JsonNode> examples(String response) {
        List<JsonNode> bodies = new ArrayList<>();
        DOCUMENT.at("/components/responses/" + response + "/content/application~1json/examples")
                .forEach(example -> bodies.add(example.get("value")));
        assertThat(bodies).as(response).isNotEmpty();
        return bodies;
    }
}
