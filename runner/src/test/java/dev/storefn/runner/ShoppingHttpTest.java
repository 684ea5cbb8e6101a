package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Cart, wishlist and address book over real HTTP: every route, every message of ORIGINAL.md §3.4 and §3.6. */
class ShoppingHttpTest extends HttpTest {

    @AfterEach
    void invariantsHold() {
        assertInvariantsHold();
    }

    private static final AtomicInteger SHOPPERS = new AtomicInteger();

    private String shopper() {
        return signUp("shopper" + SHOPPERS.incrementAndGet() + "@example.com");
    }

    private JsonNode cart(String token) {
        return expect(200, "GET", "/api/cart/", null, token).body();
    }

    private long lineOf(String token, long productId) {
        for (JsonNode item : cart(token).get("items")) {
            if (item.get("product").get("id").asLong() == productId) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no line for product " + productId);
    }

    @Test
    void aCartIsCreatedOnFirstUseAndShowsEachLineWithItsWholeProduct() {
        String token = shopper();
        JsonNode empty = cart(token);
        assertThat(empty.get("items")).isEmpty();
        assertThat(cart(token).get("id").asLong()).isEqualTo(empty.get("id").asLong());

        long tee = product("Cart Tee", "499.50", 10);
        assertThat(expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + ", \"quantity\": 2}", token).body()
                .get("message").asString()).isEqualTo("Added to cart");
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", token);
        JsonNode item = cart(token).get("items").get(0);
        assertThat(item.get("quantity").asInt()).isEqualTo(3);
        assertThat(item.get("product").propertyNames()).containsExactlyInAnyOrder("id", "name", "price", "stock", "description",
                "slug", "category", "image", "created_at", "updated_at");
        assertThat(item.get("product").get("price").asString()).isEqualTo("499.50");
        assertThat(cart(token).get("items")).hasSize(1);
    }

    @Test
    void addingIsBoundByStockAndByNinetyNinePerLineWithTheOriginalsWords() {
        String token = shopper();
        long few = product("Few Left", "10.00", 3);
        assertThat(expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + few + ", \"quantity\": 4}", token).error())
                .isEqualTo("Only 3 item(s) available in stock.");
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + few + ", \"quantity\": 2}", token);
        Answer more = expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + few + ", \"quantity\": 2}", token);
        assertThat(more.error()).isEqualTo("Cannot add 2 more. Only 1 item(s) available.");
        assertThat(more.detail()).isEqualTo(more.error());

        long plenty = product("Plenty", "1.00", 500);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + plenty + ", \"quantity\": 99}", token);
        assertThat(expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + plenty + ", \"quantity\": 1}", token).error())
                .isEqualTo("Cannot add 1 more. Maximum quantity per item is 99.");
        assertThat(lineQuantity(token, plenty)).isEqualTo(99);
    }

    private int lineQuantity(String token, long productId) {
        for (JsonNode item : cart(token).get("items")) {
            if (item.get("product").get("id").asLong() == productId) {
                return item.get("quantity").asInt();
            }
        }
        return 0;
    }

    @Test
    void addRefusesMissingWrongAndOutOfRangeInputAsFieldErrors() {
        String token = shopper();
        long tee = product("Field Tee", "10.00", 10);
        assertThat(expect(400, "POST", "/api/cart/add/", "{}", token).field("product_id")).isEqualTo("Product ID is required.");
        assertThat(expect(400, "POST", "/api/cart/add/", "{\"product_id\": \"abc\"}", token).field("product_id"))
                .isEqualTo("Product ID must be a valid integer.");
        assertThat(expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + tee + ", \"quantity\": 0}", token).field("quantity"))
                .isEqualTo("Quantity must be at least 1.");
        assertThat(expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + tee + ", \"quantity\": 100}", token).field("quantity"))
                .isEqualTo("Maximum quantity per item is 99.");
        Answer typed = expect(400, "POST", "/api/cart/add/", "{\"product_id\": " + tee + ", \"quantity\": \"two\"}", token);
        assertThat(typed.field("quantity")).isEqualTo("Quantity must be a valid integer.");
        assertThat(typed.detail()).isEqualTo("Quantity must be a valid integer.");
        assertThat(expect(404, "POST", "/api/cart/add/", "{\"product_id\": 987654321}", token).detail())
                .isEqualTo("No Product matches the given query.");
        assertThat(expect(400, "POST", "/api/cart/add/", "[1]", token).field("non_field_errors")).startsWith("Invalid data.");
    }

    @Test
    void updateSetsTheQuantityWithTheOriginalsChecksInItsOrder() {
        String token = shopper();
        long tee = product("Update Tee", "10.00", 5);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", token);
        long line = lineOf(token, tee);
        assertThat(expect(200, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": 4}", token).body().get("message").asString())
                .isEqualTo("Quantity updated");
        assertThat(lineQuantity(token, tee)).isEqualTo(4);
        assertThat(expect(400, "PATCH", "/api/cart/update/" + line + "/", "{}", token).error()).isEqualTo("Invalid quantity");
        assertThat(expect(400, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": 0}", token).error()).isEqualTo("Invalid quantity");
        assertThat(expect(400, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": 100}", token).error())
                .isEqualTo("Maximum quantity per item is 99");
        assertThat(expect(400, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": 6}", token).error())
                .isEqualTo("Only 5 item(s) available in stock.");
        assertThat(expect(400, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": \"x\"}", token).field("quantity"))
                .isEqualTo("A valid integer is required.");
        assertThat(expect(200, "PATCH", "/api/cart/update/" + line + "/", "{\"quantity\": \"2\"}", token).status()).isEqualTo(200);
        assertThat(expect(404, "PATCH", "/api/cart/update/999999/", "{\"quantity\": 1}", token).detail())
                .isEqualTo("No CartItem matches the given query.");
        assertThat(expect(400, "PATCH", "/api/cart/update/abc/", "{\"quantity\": 1}", token).detail()).contains("whole number");
    }

    @Test
    void removeAndClearAffectOnlyTheCallersOwnLines() {
        String ada = shopper();
        String bob = shopper();
        long tee = product("Shared Tee", "10.00", 50);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", ada);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", bob);
        long adasLine = lineOf(ada, tee);
        assertThat(expect(404, "DELETE", "/api/cart/remove/" + adasLine + "/", null, bob).detail())
                .isEqualTo("No CartItem matches the given query.");
        assertThat(expect(404, "PATCH", "/api/cart/update/" + adasLine + "/", "{\"quantity\": 2}", bob).detail())
                .isEqualTo("No CartItem matches the given query.");
        assertThat(expect(200, "DELETE", "/api/cart/remove/" + adasLine + "/", null, ada).body().get("message").asString())
                .isEqualTo("Removed");
        assertThat(cart(ada).get("items")).isEmpty();
        assertThat(expect(200, "DELETE", "/api/cart/clear/", null, bob).body().get("message").asString())
                .isEqualTo("Cart cleared successfully");
        assertThat(expect(200, "DELETE", "/api/cart/clear/", null, bob).body().get("message").asString())
                .isEqualTo("Cart cleared successfully");
        assertThat(cart(bob).get("items")).isEmpty();
        assertThat(call("GET", "/api/cart/", null, null).status()).isEqualTo(401);
    }

    @Test
    void aDeletedProductLeavesEveryCartAndWishlist() {
        String token = shopper();
        long gone = product("Soon Gone", "10.00", 5);
        long kept = product("Kept", "10.00", 5);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + gone + "}", token);
        expect(200, "POST", "/api/cart/add/", "{\"product_id\": " + kept + "}", token);
        expect(200, "POST", "/api/cart/wishlist/add/", "{\"product_id\": " + gone + "}", token);
        jdbc.sql("DELETE FROM products WHERE id = ?").param(gone).update();
        assertThat(cart(token).get("items")).extracting(item -> item.get("product").get("id").asLong()).containsExactly(kept);
        assertThat(expect(200, "GET", "/api/cart/wishlist/", null, token).body().get("items")).isEmpty();
    }

    @Test
    void theWishlistHoldsAProductOnceAndRemovesByItemId() {
        String token = shopper();
        long tee = product("Wished Tee", "10.00", 5);
        assertThat(expect(200, "GET", "/api/cart/wishlist/", null, token).body().get("items")).isEmpty();
        assertThat(expect(200, "POST", "/api/cart/wishlist/add/", "{\"product_id\": " + tee + "}", token).body().get("message")
                .asString()).isEqualTo("Added to wishlist");
        assertThat(expect(200, "POST", "/api/cart/wishlist/add/", "{\"product_id\": " + tee + "}", token).body().get("message")
                .asString()).isEqualTo("Already in wishlist");
        JsonNode wishlist = expect(200, "GET", "/api/cart/wishlist/", null, token).body();
        assertThat(wishlist.get("items")).hasSize(1);
        JsonNode item = wishlist.get("items").get(0);
        assertThat(item.get("product").get("name").asString()).isEqualTo("Wished Tee");

        assertThat(expect(400, "POST", "/api/cart/wishlist/add/", "{}", token).field("product_id")).isEqualTo("This field is required.");
        assertThat(expect(400, "POST", "/api/cart/wishlist/add/", "{\"product_id\": \"x\"}", token).field("product_id"))
                .isEqualTo("A valid integer is required.");
        assertThat(expect(404, "POST", "/api/cart/wishlist/add/", "{\"product_id\": 987654321}", token).detail())
                .isEqualTo("No Product matches the given query.");
        String other = shopper();
        assertThat(expect(404, "DELETE", "/api/cart/wishlist/remove/" + item.get("id").asLong() + "/", null, other).detail())
                .isEqualTo("No WishlistItem matches the given query.");
        assertThat(expect(200, "DELETE", "/api/cart/wishlist/remove/" + item.get("id").asLong() + "/", null, token).body()
                .get("message").asString()).isEqualTo("Removed from wishlist");
        assertThat(expect(404, "DELETE", "/api/cart/wishlist/remove/" + item.get("id").asLong() + "/", null, token).detail())
                .isEqualTo("No WishlistItem matches the given query.");
    }

    private static final String ADDRESS = "{\"full_name\": \"  Ada Lovelace \", \"phone\": \"9876543210\", \"street\": \"12 Analytical Row\","
            + " \"city\": \"London\", \"pincode\": \"560001\"}";

    @Test
    void addressesAreTrimmedListedNewestFirstChangedAndDeleted() {
        String token = shopper();
        JsonNode first = expect(201, "POST", "/api/orders/addresses/", ADDRESS, token).body();
        assertThat(first.propertyNames()).containsExactly("id", "full_name", "phone", "street", "city", "pincode");
        assertThat(first.get("full_name").asString()).isEqualTo("Ada Lovelace");
        JsonNode second = expect(201, "POST", "/api/orders/addresses/", ADDRESS.replace("London", "Mumbai"), token).body();
        JsonNode list = expect(200, "GET", "/api/orders/addresses/", null, token).body();
        assertThat(list).extracting(address -> address.get("id").asLong())
                .containsExactly(second.get("id").asLong(), first.get("id").asLong());

        JsonNode changed = expect(200, "PATCH", "/api/orders/addresses/" + first.get("id").asLong() + "/", "{\"city\": \" Pune \"}", token)
                .body();
        assertThat(changed.get("city").asString()).isEqualTo("Pune");
        assertThat(changed.get("street").asString()).isEqualTo("12 Analytical Row");
        assertThat(expect(400, "PATCH", "/api/orders/addresses/" + first.get("id").asLong() + "/", "{\"pincode\": \"12\"}", token)
                .field("pincode")).isEqualTo("Pincode must be exactly 6 digits.");

        String other = shopper();
        assertThat(expect(404, "PATCH", "/api/orders/addresses/" + first.get("id").asLong() + "/", "{\"city\": \"Goa\"}", other).detail())
                .isEqualTo("No Address matches the given query.");
        assertThat(expect(404, "DELETE", "/api/orders/addresses/" + first.get("id").asLong() + "/", null, other).detail())
                .isEqualTo("No Address matches the given query.");
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, other).body()).isEmpty();
        assertThat(expect(200, "DELETE", "/api/orders/addresses/" + first.get("id").asLong() + "/", null, token).body()
                .get("message").asString()).isEqualTo("Address deleted");
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, token).body()).hasSize(1);
        assertThat(call("GET", "/api/orders/addresses/" + second.get("id").asLong() + "/", null, token).status()).isEqualTo(405);
        assertThat(call("PUT", "/api/orders/addresses/" + second.get("id").asLong() + "/", ADDRESS, token).status()).isEqualTo(405);
    }

    @Test
    void addressFieldsFollowTheOriginalSerializersRulesAndWords() {
        String token = shopper();
        Answer missing = expect(400, "POST", "/api/orders/addresses/", "{}", token);
        assertThat(missing.field("full_name")).isEqualTo("Full name is required.");
        assertThat(missing.field("phone")).isEqualTo("Phone number is required.");
        assertThat(missing.field("street")).isEqualTo("Street address is required.");
        assertThat(missing.field("city")).isEqualTo("City is required.");
        assertThat(missing.field("pincode")).isEqualTo("Pincode is required.");
        assertThat(missing.detail()).isEqualTo("Full name is required.");

        Answer short_ = expect(400, "POST", "/api/orders/addresses/",
                "{\"full_name\": \"A\", \"phone\": \"12345\", \"street\": \"Lane\", \"city\": \"X\", \"pincode\": \"12a456\"}", token);
        assertThat(short_.field("full_name")).isEqualTo("Full name must be at least 2 characters.");
        assertThat(short_.field("phone")).isEqualTo("Phone number must be exactly 10 digits.");
        assertThat(short_.field("street")).isEqualTo("Street address must be at least 5 characters.");
        assertThat(short_.field("city")).isEqualTo("City must be at least 2 characters.");
        assertThat(short_.field("pincode")).isEqualTo("Pincode must be exactly 6 digits.");

        String longName = "n".repeat(101);
        Answer tooLong = expect(400, "POST", "/api/orders/addresses/", "{\"full_name\": \"" + longName + "\", \"phone\": \"98765432101\","
                + " \"street\": \"" + "s".repeat(256) + "\", \"city\": \"" + "c".repeat(101) + "\", \"pincode\": \"5600011\"}", token);
        assertThat(tooLong.field("full_name")).isEqualTo("Full name cannot exceed 100 characters.");
        assertThat(tooLong.field("phone")).isEqualTo("Phone number must be exactly 10 digits.");
        assertThat(tooLong.field("street")).isEqualTo("Ensure this field has no more than 255 characters.");
        assertThat(tooLong.field("city")).isEqualTo("Ensure this field has no more than 100 characters.");
        assertThat(tooLong.field("pincode")).isEqualTo("Pincode must be exactly 6 digits.");

        assertThat(expect(400, "POST", "/api/orders/addresses/", ADDRESS.replace("\"London\"", "\"   \""), token).field("city"))
                .isEqualTo("This field may not be blank.");
        assertThat(expect(400, "POST", "/api/orders/addresses/", ADDRESS.replace("\"London\"", "5"), token).status()).isEqualTo(400);
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, token).body()).isEmpty();
    }

    @Test
    void anAddressBookHoldsFiftyAddressesAndTheFiftyFirstIsRefused() {
        String token = shopper();
        for (int i = 0; i < 50; i++) {
            expect(201, "POST", "/api/orders/addresses/", ADDRESS, token);
        }
        Answer refused = expect(400, "POST", "/api/orders/addresses/", ADDRESS, token);
        assertThat(refused.error()).isEqualTo("An address book holds at most 50 addresses. Delete one to add another.");
        assertThat(refused.detail()).isEqualTo(refused.error());
        assertThat(expect(200, "GET", "/api/orders/addresses/", null, token).body()).hasSize(50);
    }

    @Test
    void concurrentFirstVisitsLeaveOneCartAndParallelAddsOneLineWithTheirSum() throws Exception {
        String token = shopper();
        long userId = userId("shopper" + SHOPPERS.get() + "@example.com");
        List<Answer> visits = parallel(12, () -> call("GET", "/api/cart/", null, token));
        assertThat(visits).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(visits).extracting(answer -> answer.body().get("id").asLong()).containsOnly(visits.get(0).body().get("id").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM carts WHERE user_id = ?").param(userId).query(Long.class).single()).isEqualTo(1);

        long tee = product("Rush Tee", "10.00", 1000);
        List<Answer> adds = parallel(40, () -> call("POST", "/api/cart/add/", "{\"product_id\": " + tee + ", \"quantity\": 3}", token));
        long accepted = adds.stream().filter(answer -> answer.status() == 200).count();
        assertThat(adds).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 400));
        assertThat(accepted).isEqualTo(33);
        assertThat(jdbc.sql("SELECT count(*) FROM cart_items WHERE product_id = ?").param(tee).query(Long.class).single()).isEqualTo(1);
        assertThat(lineQuantity(token, tee)).isEqualTo(99);

        String fresh = shopper();
        List<Answer> firstAdds = parallel(10, () -> call("POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", fresh));
        assertThat(firstAdds).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(lineQuantity(fresh, tee)).isEqualTo(10);
    }

    @Test
    void addsRacingClearsLeaveAConsistentCart() throws Exception {
        String token = shopper();
        long tee = product("Race Tee", "10.00", 1000);
        AtomicInteger turn = new AtomicInteger();
        List<Answer> answers = parallel(30, () -> turn.incrementAndGet() % 3 == 0
                ? call("DELETE", "/api/cart/clear/", null, token)
                : call("POST", "/api/cart/add/", "{\"product_id\": " + tee + "}", token));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        JsonNode cart = cart(token);
        assertThat(cart.get("items").size()).isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cart_items WHERE product_id = ?").param(tee).query(Long.class).single())
                .isLessThanOrEqualTo(1);
    }
}
