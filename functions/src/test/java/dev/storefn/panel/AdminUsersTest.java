package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** The panel's user list and user page over the dispatcher: the original's shapes, erased accounts left out. */
class AdminUsersTest extends PanelTestSupport {

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void theListHasEveryAccountButErasedOnesNewestFirstInCamelCase() {
        Account staff = staff("staff@example.com");
        long grace = insertUser("grace@example.com", "Grace", "Hopper", "https://example.com/grace.png", false, true);
        long nameless = insertUser("nameless@example.com", "", "", null, false, false);
        long erased = insertUser("erased@example.com", "Gone", "Away", null, false, false);
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE id = ?").param(erased).update();

        WireResponse response = call("GET", "/api/panel/users/", staff);

        assertThat(response.status()).isEqualTo(200);
        JsonNode users = body(response);
        assertThat(users.isArray()).isTrue();
        assertThat(ids(users)).containsExactly(nameless, grace, staff.id());
        assertThat(fields(users.get(0))).containsExactlyInAnyOrder("id", "email", "name", "picture", "role", "isBlock");
        assertThat(users.get(0).get("name").asString()).isEqualTo("nameless");
        assertThat(users.get(0).get("picture").isNull()).isTrue();
        assertThat(users.get(0).get("role").asString()).isEqualTo("user");
        assertThat(users.get(1).get("name").asString()).isEqualTo("Grace Hopper");
        assertThat(users.get(1).get("email").asString()).isEqualTo("grace@example.com");
        assertThat(users.get(1).get("picture").asString()).isEqualTo("https://example.com/grace.png");
        assertThat(users.get(1).get("isBlock").asBoolean()).isTrue();
        assertThat(users.get(2).get("role").asString()).isEqualTo("admin");
        assertThat(users.get(2).get("isBlock").asBoolean()).isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theAccessLogNamesTheStaffMemberWhoReadAUser(CapturedOutput output) {
        Account staff = staff("auditor@example.com");
        long grace = insertUser("grace@example.com", "Grace", "Hopper", null, false, false);
        assertThat(call("GET", "/api/panel/users/" + grace + "/", staff).status()).isEqualTo(200);
        // In the Lambda pass the instance beside the test logs the line, into the same output.
        assertThat(output.getOut()).contains("caller=staff:" + staff.id() + " method=GET path=/api/panel/users/" + grace + "/ status=200");
    }

    @Test
    void pageOrPageSizeAnswersTheEnvelope() {
        Account staff = staff("staff@example.com");
        long second = insertUser("second@example.com", "", "", null, false, false);
        long third = insertUser("third@example.com", "", "", null, false, false);

        JsonNode first = body(call("GET", "/api/panel/users/?page_size=2", staff));
        assertThat(fields(first)).containsExactly("count", "next", "previous", "results");
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(ids(first.get("results"))).containsExactly(third, second);
        assertThat(first.get("next").asString()).endsWith("/api/panel/users/?page_size=2&page=2");
        assertThat(first.get("previous").isNull()).isTrue();

        JsonNode last = body(call("GET", "/api/panel/users/?page=2&page_size=2", staff));
        assertThat(ids(last.get("results"))).containsExactly(staff.id());
        assertThat(last.get("next").isNull()).isTrue();

        WireResponse beyond = call("GET", "/api/panel/users/?page=3&page_size=2", staff);
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(body(beyond).get("detail").asString()).isEqualTo("Invalid page.");
    }

    @Test
    void aUsersPageHasAllTheirOrdersFromTheSnapshotsNewestFirst() {
        Account staff = staff("staff@example.com");
        long ada = insertUser("ada@example.com", "Ada", "Lovelace", null, false, false);
        long other = insertUser("other@example.com", "", "", null, false, false);
        long hoodie = insertProduct("Hoodie", "men", "499.99", 10, "Warm");
        jdbc.sql("UPDATE products SET image = 'products/hoodie.png' WHERE id = ?").param(hoodie).update();

        long older = insertOrder(ada, "cod", "paid", "delivered", "1299.98", "2025-03-01T10:00:00Z");
        shipTo(older, "Ada Lovelace", "9876543210", "12 Analytical Street", "London", "411001");
        long line = insertItem(older, hoodie, "Hoodie (as sold)", "products/hoodie.png", 2, "499.99");
        long goneLine = insertItem(older, null, "A product since deleted", "https://cdn.example.com/tee.png", 1, "300");
        long newer = insertOrder(ada, "stripe", "unpaid", "processing", "10.50", "2025-03-02T08:30:00.250Z");
        insertItem(newer, null, "Sticker", null, 1, "10.5");
        insertOrder(other, "cod", "unpaid", "processing", "1.00", "2025-03-03T08:30:00Z");

        WireResponse response = call("GET", "/api/panel/users/" + ada + "/", staff);

        assertThat(response.status()).isEqualTo(200);
        JsonNode user = body(response);
        assertThat(fields(user)).containsExactlyInAnyOrder("id", "email", "name", "picture", "role", "isBlock", "orders");
        assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(ids(user.get("orders"))).containsExactly(newer, older);

        JsonNode recent = user.get("orders").get(0);
        assertThat(fields(recent)).containsExactlyInAnyOrder("id", "total_amount", "order_status", "payment_method", "created_at",
                "items", "address");
        assertThat(recent.get("address").isNull()).isTrue();
        assertThat(recent.get("created_at").asString()).isEqualTo("2025-03-02T08:30:00.250000+00:00");
        assertThat(recent.get("total_amount").asString()).isEqualTo("10.50");
        assertThat(recent.get("items").get(0).get("image").isNull()).isTrue();
        assertThat(recent.get("items").get(0).get("price").asString()).isEqualTo("10.50");

        JsonNode delivered = user.get("orders").get(1);
        assertThat(delivered.get("order_status").asString()).isEqualTo("delivered");
        assertThat(delivered.get("payment_method").asString()).isEqualTo("cod");
        assertThat(delivered.get("total_amount").asString()).isEqualTo("1299.98");
        assertThat(delivered.get("created_at").asString()).isEqualTo("2025-03-01T10:00:00+00:00");
        JsonNode address = delivered.get("address");
        assertThat(fields(address)).containsExactlyInAnyOrder("full_name", "phone", "street", "city", "pincode");
        assertThat(address.get("street").asString()).isEqualTo("12 Analytical Street");
        assertThat(address.get("pincode").asString()).isEqualTo("411001");

        JsonNode items = delivered.get("items");
        assertThat(ids(items)).containsExactly(line, goneLine);
        assertThat(fields(items.get(0))).containsExactlyInAnyOrder("id", "product", "product_name", "image", "quantity", "price");
        assertThat(items.get(0).get("product").asLong()).isEqualTo(hoodie);
        assertThat(items.get(0).get("product_name").asString()).isEqualTo("Hoodie (as sold)");
        assertThat(items.get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("price").asString()).isEqualTo("499.99");
        String catalogImage = body(get("/api/products/" + hoodie + "/")).get("image").asString();
        assertThat(catalogImage).startsWith("http").endsWith("/products/hoodie.png");
        assertThat(items.get(0).get("image").asString()).isEqualTo(catalogImage);
        assertThat(items.get(1).get("product").isNull()).isTrue();
        assertThat(items.get(1).get("image").asString()).isEqualTo("https://cdn.example.com/tee.png");
        assertThat(items.get(1).get("price").asString()).isEqualTo("300.00");
    }

    @Test
    void aUserWithoutOrdersHasAnEmptyList() {
        Account staff = staff("staff@example.com");

        JsonNode self = body(call("GET", "/api/panel/users/" + staff.id() + "/", staff));

        assertThat(self.get("id").asLong()).isEqualTo(staff.id());
        assertThat(self.get("orders").isArray()).isTrue();
        assertThat(self.get("orders").isEmpty()).isTrue();
    }

    @Test
    void anAccountThatIsNotThereOrErasedIs404() {
        Account staff = staff("staff@example.com");
        long erased = insertUser("erased@example.com", "", "", null, false, false);
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE id = ?").param(erased).update();

        for (long id : new long[] {erased, 999_999}) {
            WireResponse response = call("GET", "/api/panel/users/" + id + "/", staff);
            assertThat(response.status()).isEqualTo(404);
            assertThat(body(response).get("detail").asString()).isEqualTo("No User matches the given query.");
        }
    }

    @Test
    void thePanelIsForStaffOnly() {
        Account shopper = register("shopper@example.com", "Sam", "Shopper");
        String[][] routes = {{"GET", "/api/panel/users/"}, {"GET", "/api/panel/users/" + shopper.id() + "/"},
            {"DELETE", "/api/panel/users/" + shopper.id() + "/delete/"}, {"GET", "/api/panel/dashboard/"}, {"GET", "/api/panel/reports/"}};
        for (String[] route : routes) {
            WireResponse asShopper = call(route[0], route[1], shopper);
            assertThat(asShopper.status()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(body(asShopper).get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
            WireResponse anonymous = send(route[0], route[1], null, Map.of());
            assertThat(anonymous.status()).as(route[0] + " " + route[1]).isEqualTo(401);
            assertThat(body(anonymous).get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        }
        assertThat(jdbc.sql("SELECT deleted_at IS NULL FROM users WHERE id = ?").param(shopper.id()).query(Boolean.class).single()).isTrue();
    }
}
