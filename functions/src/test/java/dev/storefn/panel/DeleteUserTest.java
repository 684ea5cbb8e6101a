package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a user erases the account: it can no longer sign in, leaves the panel, and its cart, wishlist and
 * addresses go, while its orders stay for the books.
 */
class DeleteUserTest extends PanelTestSupport {

    private int rows(String sql, long userId) {
        return jdbc.sql(sql).param(userId).query(Integer.class).single();
    }

    /** A cart line, a wishlist item and an address, made through the shopper's own routes; and two orders. */
    private void shopsAWhile(Account shopper, long product) {
        assertThat(send("POST", "/api/cart/add/", "{\"product_id\": " + product + "}", bearer(shopper.token())).status()).isEqualTo(200);
        assertThat(send("POST", "/api/cart/wishlist/add/", "{\"product_id\": " + product + "}", bearer(shopper.token())).status())
                .isEqualTo(200);
        assertThat(send("POST", "/api/orders/addresses/", "{\"full_name\": \"Ada Lovelace\", \"phone\": \"9876543210\","
                + " \"street\": \"12 Analytical Street\", \"city\": \"London\", \"pincode\": \"411001\"}", bearer(shopper.token())).status())
                .isEqualTo(201);
        long order = insertOrder(shopper.id(), "cod", "paid", "delivered", "20.00", "2025-04-01T10:00:00Z");
        insertItem(order, product, "Mug", null, 2, "10.00");
        insertOrder(shopper.id(), "stripe", "unpaid", "cancelled", "10.00", "2025-04-02T10:00:00Z");
    }

    @Test
    void anErasedUserCannotSignInLeavesThePanelAndKeepsOnlyTheirOrders() {
        Account staff = staff("staff@example.com");
        Account ada = register("ada@example.com", "Ada", "Lovelace");
        Account bystander = register("bystander@example.com", "Bea", "Stander");
        long mug = insertProduct("Mug", "men", "10.00", 50, "A mug");
        shopsAWhile(ada, mug);
        shopsAWhile(bystander, mug);

        WireResponse deleted = call("DELETE", "/api/panel/users/" + ada.id() + "/delete/", staff);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(body(deleted)).isEqualTo(json.mapper().readTree("{\"status\": \"deleted\"}"));
        assertThat(call("GET", "/api/me/", ada).status()).isEqualTo(401);
        WireResponse signIn = fromNewClient("POST", "/api/login/", "{\"email\": \"ada@example.com\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(signIn.status()).isEqualTo(400);
        assertThat(body(call("GET", "/api/panel/users/", staff)).findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(bystander.id(), staff.id());
        assertThat(call("GET", "/api/panel/users/" + ada.id() + "/", staff).status()).isEqualTo(404);

        assertThat(rows("SELECT count(*) FROM orders WHERE user_id = ?", ada.id())).isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.user_id = ?", ada.id()))
                .isEqualTo(1);
        for (String table : new String[] {"carts", "wishlists", "addresses"}) {
            assertThat(rows("SELECT count(*) FROM " + table + " WHERE user_id = ?", ada.id())).as(table).isZero();
            assertThat(rows("SELECT count(*) FROM " + table + " WHERE user_id = ?", bystander.id())).as(table).isEqualTo(1);
        }
        assertThat(rows("SELECT count(*) FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = ?", bystander.id()))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cart_items").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM wishlist_items").query(Integer.class).single()).isEqualTo(1);

        Map<String, Object> erased = jdbc.sql("SELECT email, first_name, last_name, picture, password, deleted_at IS NOT NULL AS erased"
                + " FROM users WHERE id = ?").param(ada.id()).query().singleRow();
        assertThat(erased).containsEntry("email", "deleted-" + ada.id() + "@invalid").containsEntry("first_name", "")
                .containsEntry("last_name", "").containsEntry("picture", null).containsEntry("password", "").containsEntry("erased", true);
    }

    @Test
    void theErasedEmailIsFreeForANewAccount() {
        Account staff = staff("staff@example.com");
        Account ada = register("ada@example.com", "Ada", "Lovelace");
        assertThat(call("DELETE", "/api/panel/users/" + ada.id() + "/delete/", staff).status()).isEqualTo(200);

        Account again = register("ada@example.com", "Ada", "Again");

        assertThat(again.id()).isNotEqualTo(ada.id());
        assertThat(signIn("ada@example.com", PASSWORD).id()).isEqualTo(again.id());
    }

    @Test
    void staffCannotDeleteThemselves() {
        Account staff = staff("staff@example.com");

        WireResponse self = call("DELETE", "/api/panel/users/" + staff.id() + "/delete/", staff);

        assertThat(self.status()).isEqualTo(400);
        assertThat(body(self).get("error").asString()).isEqualTo("You cannot delete your own account.");
        assertThat(body(self).get("detail").asString()).isEqualTo("You cannot delete your own account.");
        assertThat(call("GET", "/api/me/", staff).status()).isEqualTo(200);
    }

    @Test
    void anAccountThatIsNotThereOrAlreadyErasedIs404() {
        Account staff = staff("staff@example.com");
        Account ada = register("ada@example.com", "Ada", "Lovelace");
        assertThat(call("DELETE", "/api/panel/users/" + ada.id() + "/delete/", staff).status()).isEqualTo(200);

        for (long id : new long[] {ada.id(), 999_999}) {
            WireResponse response = call("DELETE", "/api/panel/users/" + id + "/delete/", staff);
            assertThat(response.status()).isEqualTo(404);
            assertThat(body(response).get("detail").asString()).isEqualTo("No User matches the given query.");
        }
    }
}
