package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** Creating, replacing, changing and deleting products as staff: ORIGINAL.md §3.3's rules, words and side effects. */
class ProductAdminTest extends CatalogTestSupport {

    private static final String NAME = "Product name is required.";

    private JsonNode refused(WireResponse response) {
        JsonNode body = expect(400, response);
        assertThat(body.get("detail").isString()).isTrue();
        return body;
    }

    private String firstError(String json, String field) {
        JsonNode body = refused(json("POST", "/api/products/create/", json, staff));
        assertThat(body.get(field)).as(field + " in " + body).isNotNull();
        return body.get(field).get(0).asString();
    }

    /** A valid create body with one field replaced (or left out, for null). */
    private static String with(String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "\"Field Rules Tee\"",
                "description", "\"A product made for the tests\"", "price", "\"499.99\"", "category", "\"men\"", "stock", "7"));
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, raw) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name).append("\": ").append(raw));
        return json.append('}').toString();
    }

    @Test
    void staffCreateFromJsonOrAFormAndGetTheProductWith201() {
        JsonNode created = expect(201, json("POST", "/api/products/create/", productJson("Red Tee"), staff));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "name", "price", "stock", "description", "slug",
                "category", "image", "created_at", "updated_at");
        assertThat(created.get("name").asString()).isEqualTo("Red Tee");
        assertThat(created.get("price").asString()).isEqualTo("499.99");
        assertThat(created.get("stock").asInt()).isEqualTo(7);
        assertThat(created.get("category").asString()).isEqualTo("men");
        assertThat(created.get("slug").asString()).isEqualTo("red-tee");
        assertThat(created.get("image").isNull()).isTrue();
        assertThat(expect(200, get("/api/products/" + created.get("id").asLong() + "/")).get("name").asString()).isEqualTo("Red Tee");

        JsonNode fromForm = expect(201, multipart("POST", "/api/products/create/", productForm("Blue Tee").field("stock", "0"), staff));
        assertThat(fromForm.get("slug").asString()).isEqualTo("blue-tee");
        assertThat(fromForm.get("stock").asInt()).isZero();
    }

    @Test
    void aDescriptionOverFiveThousandCharactersIsRefused() {
        String body = productJson("Long Tee").replaceFirst("\"description\": *\"[^\"]*\"",
                "\"description\": \"" + "a".repeat(ProductFields.MAX_DESCRIPTION + 1) + "\"");
        JsonNode refused = expect(400, json("POST", "/api/products/create/", body, staff));
        assertThat(refused.get("description").get(0).asString()).isEqualTo("Ensure this field has no more than 5000 characters.");
    }

    @Test
    void anEmptyBodyListsEveryRequiredFieldInOneAnswer() {
        JsonNode body = refused(json("POST", "/api/products/create/", "{}", staff));
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("name", "price", "stock", "description", "category", "detail");
        assertThat(body.get("name").get(0).asString()).isEqualTo(NAME);
        assertThat(body.get("price").get(0).asString()).isEqualTo("Price is required.");
        assertThat(body.get("stock").get(0).asString()).isEqualTo("Stock quantity is required.");
        assertThat(body.get("description").get(0).asString()).isEqualTo("Description is required.");
        assertThat(body.get("category").get(0).asString()).isEqualTo("This field is required.");
        assertThat(body.get("detail").asString()).isEqualTo(NAME);
    }

    @Test
    void everyBrokenRuleIsListedAtOnceImageIncluded() {
        JsonNode body = refused(multipart("POST", "/api/products/create/", new dev.storefn.MultipartBody().field("name", "ab")
                .field("price", "-1").field("stock", "x").field("description", "short").field("category", "kids")
                .field("slug", "not a slug").file("image", "shirt.png", "image/png", "not a picture".getBytes()), staff));
        assertThat(body.get("name").get(0).asString()).isEqualTo("Product name must be at least 3 characters.");
        assertThat(body.get("price").get(0).asString()).isEqualTo("Price cannot be negative.");
        assertThat(body.get("stock").get(0).asString()).isEqualTo("Stock must be a valid integer.");
        assertThat(body.get("description").get(0).asString()).isEqualTo("Description must be at least 10 characters.");
        assertThat(body.get("category").get(0).asString()).isEqualTo("\"kids\" is not a valid choice.");
        assertThat(body.get("slug").get(0).asString())
                .isEqualTo("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.");
        assertThat(body.get("image").get(0).asString())
                .isEqualTo("Upload a valid image. The file you uploaded was either not an image or a corrupted image.");
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();
    }

    @Test
    void anImageThatIsNotAFileIsRefusedInDrfsWords() {
        String notAFile = "The submitted data was not a file. Check the encoding type on the form.";
        assertThat(firstError(with("image", "\"https://images.example.com/tee.png\""), "image")).isEqualTo(notAFile);
        assertThat(expect(400, multipart("POST", "/api/products/create/", productForm("Text Image Tee").field("image", "tee.png"),
                staff)).get("image").get(0).asString()).isEqualTo(notAFile);
        // An empty file input, as FormData sends it when nothing was chosen, is no image at all.
        assertThat(expect(201, multipart("POST", "/api/products/create/",
                productForm("No Image Tee").file("image", "", "application/octet-stream", new byte[0]), staff)).get("image").isNull())
                .isTrue();
    }

    @Test
    void nameRules() {
        assertThat(firstError(with("name", null), "name")).isEqualTo(NAME);
        assertThat(firstError(with("name", "null"), "name")).isEqualTo(NAME);
        assertThat(firstError(with("name", "\"  \""), "name")).isEqualTo("This field may not be blank.");
        assertThat(firstError(with("name", "\" ab \""), "name")).isEqualTo("Product name must be at least 3 characters.");
        assertThat(firstError(with("name", "\"" + "n".repeat(256) + "\""), "name")).isEqualTo("Product name cannot exceed 255 characters.");
        assertThat(expect(201, json("POST", "/api/products/create/", with("name", "\"" + "n".repeat(255) + "\""), staff))
                .get("name").asString()).hasSize(255);
    }

    @Test
    void priceRulesAreExactDecimalRules() {
        assertThat(firstError(with("price", null), "price")).isEqualTo("Price is required.");
        for (String notANumber : List.of("\"abc\"", "\"12,50\"", "\"\"", "true", "[1]")) {
            assertThat(firstError(with("price", notANumber), "price")).as(notANumber).isEqualTo("Price must be a valid number.");
        }
        assertThat(firstError(with("price", "\"12345678901\""), "price")).isEqualTo("Price is too large.");
        assertThat(firstError(with("price", "\"123456789.1\""), "price")).isEqualTo("Price is too large.");
        assertThat(firstError(with("price", "\"-0.01\""), "price")).isEqualTo("Price cannot be negative.");
        assertThat(firstError(with("price", "\"1000000.01\""), "price")).isEqualTo("Price cannot exceed ₹10,00,000.");
        assertThat(firstError(with("price", "\"1.234\""), "price")).isEqualTo("Ensure that there are no more than 2 decimal places.");
        assertThat(firstError(with("price", "19.999"), "price")).isEqualTo("Ensure that there are no more than 2 decimal places.");
        for (String fine : List.of("\"0\"", "0", "\"1000000\"", "\"1000000.00\"", "49.99", "\" 12.5 \"")) {
            JsonNode created = expect(201, json("POST", "/api/products/create/", with("price", fine), staff));
            assertThat(created.get("price").asString()).as(fine).matches("[0-9]+\\.[0-9]{2}");
        }
        assertThat(jdbc.sql("SELECT price FROM products WHERE price = 1000000").query(java.math.BigDecimal.class).list()).hasSize(2);
    }

    @Test
    void stockDescriptionAndCategoryRules() {
        assertThat(firstError(with("stock", null), "stock")).isEqualTo("Stock quantity is required.");
        assertThat(firstError(with("stock", "\"many\""), "stock")).isEqualTo("Stock must be a valid integer.");
        assertThat(firstError(with("stock", "2.5"), "stock")).isEqualTo("Stock must be a valid integer.");
        assertThat(firstError(with("stock", "-1"), "stock")).isEqualTo("Stock quantity cannot be negative.");
        assertThat(firstError(with("description", null), "description")).isEqualTo("Description is required.");
        assertThat(firstError(with("description", "\"too short\""), "description")).isEqualTo("Description must be at least 10 characters.");
        assertThat(firstError(with("category", "\"Men\""), "category")).isEqualTo("\"Men\" is not a valid choice.");
        assertThat(firstError(with("category", "\"kids\""), "category")).isEqualTo("\"kids\" is not a valid choice.");
        assertThat(expect(201, json("POST", "/api/products/create/", with("category", "\"women\""), staff)).get("category").asString())
                .isEqualTo("women");
    }

    @Test
    void aSuppliedSlugIsKeptIfFreeAndRefusedIfTakenOrMalformed() {
        assertThat(expect(201, json("POST", "/api/products/create/", with("slug", "\"my-Own_slug-1\""), staff)).get("slug").asString())
                .isEqualTo("my-Own_slug-1");
        assertThat(firstError(with("slug", "\"my-Own_slug-1\""), "slug")).isEqualTo("product with this slug already exists.");
        assertThat(firstError(with("slug", "\"" + "s".repeat(51) + "\""), "slug")).isEqualTo("Ensure this field has no more than 50 characters.");
        assertThat(firstError(with("slug", "\"café\""), "slug"))
                .isEqualTo("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.");
        assertThat(expect(201, json("POST", "/api/products/create/", with("slug", "\"\""), staff)).get("slug").asString())
                .isEqualTo("field-rules-tee");
    }

    @Test
    void slugsAreMadeFromTheNameAndNumberedWhenTaken() {
        List<String> slugs = new ArrayList<>();
        for (String name : List.of("Red Tee", "Red Tee", "red  tee!", "Café Crème", "Graphic Tee — Limited", "日本語")) {
            JsonNode slug = expect(201, json("POST", "/api/products/create/", with("name", "\"" + name + "\""), staff)).get("slug");
            slugs.add(slug.isNull() ? null : slug.asString());
        }
        assertThat(slugs).containsExactly("red-tee", "red-tee-1", "red-tee-2", "cafe-creme", "graphic-tee-limited", null);
    }

    @Test
    void slugsOfLongNamesStayWithinFiftyCharactersWithTheirNumber() {
        String name = "An Extraordinarily Long Product Name That Goes On And On Forever";
        String first = expect(201, json("POST", "/api/products/create/", with("name", "\"" + name + "\""), staff)).get("slug").asString();
        String second = expect(201, json("POST", "/api/products/create/", with("name", "\"" + name + "\""), staff)).get("slug").asString();
        assertThat(first).isEqualTo("an-extraordinarily-long-product-name-that-goes-on");
        assertThat(second).isEqualTo("an-extraordinarily-long-product-name-that-goes-o-1");
        assertThat(first.length()).isLessThanOrEqualTo(50);
        assertThat(second.length()).isLessThanOrEqualTo(50);
    }

    @Test
    void concurrentCreatesOfOneNameEachGetASlugOfTheirOwn() throws Exception {
        int creates = 8;
        ExecutorService pool = Executors.newFixedThreadPool(creates);
        try {
            List<Callable<WireResponse>> calls = new ArrayList<>();
            for (int i = 0; i < creates; i++) {
                calls.add(() -> json("POST", "/api/products/create/", productJson("Race Tee"), staff));
            }
            List<String> slugs = new ArrayList<>();
            for (Future<WireResponse> answer : pool.invokeAll(calls)) {
                slugs.add(expect(201, answer.get()).get("slug").asString());
            }
            assertThat(slugs).containsExactlyInAnyOrder("race-tee", "race-tee-1", "race-tee-2", "race-tee-3", "race-tee-4",
                    "race-tee-5", "race-tee-6", "race-tee-7");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void putNeedsEveryRequiredFieldAndPatchAnySubset() {
        long id = expect(201, json("POST", "/api/products/create/", productJson("Plain Tee"), staff)).get("id").asLong();
        JsonNode incomplete = refused(json("PUT", "/api/products/" + id + "/", "{\"name\": \"Plainer Tee\"}", staff));
        assertThat(incomplete.propertyNames()).contains("price", "stock", "description", "category").doesNotContain("name", "slug");

        JsonNode replaced = expect(200, json("PUT", "/api/products/" + id + "/", "{\"name\": \"Plainer Tee\", \"price\": 10,"
                + " \"stock\": 3, \"description\": \"Now even plainer than before\", \"category\": \"women\"}", staff));
        assertThat(replaced.get("name").asString()).isEqualTo("Plainer Tee");
        assertThat(replaced.get("price").asString()).isEqualTo("10.00");
        assertThat(replaced.get("category").asString()).isEqualTo("women");
        // A new name keeps the slug the product already has.
        assertThat(replaced.get("slug").asString()).isEqualTo("plain-tee");

        JsonNode patched = expect(200, json("PATCH", "/api/products/" + id + "/", "{\"stock\": 12}", staff));
        assertThat(patched.get("stock").asInt()).isEqualTo(12);
        assertThat(patched.get("name").asString()).isEqualTo("Plainer Tee");
        assertThat(patched.get("updated_at").asString()).isNotEqualTo(replaced.get("created_at").asString());
        assertThat(refused(json("PATCH", "/api/products/" + id + "/", "{\"price\": \"-3\", \"name\": \"x\"}", staff))
                .propertyNames()).containsExactlyInAnyOrder("price", "name", "detail");
        assertThat(expect(200, json("PATCH", "/api/products/" + id + "/", "{\"slug\": \"\"}", staff)).get("slug").asString())
                .isEqualTo("plainer-tee");
        assertThat(expect(200, json("PATCH", "/api/products/" + id + "/", "{\"slug\": \"plainer-tee\"}", staff)).get("slug").asString())
                .isEqualTo("plainer-tee");
        // Made again from the same name, the slug is the product's own, not a numbered copy of it.
        assertThat(expect(200, json("PATCH", "/api/products/" + id + "/", "{\"slug\": \"\"}", staff)).get("slug").asString())
                .isEqualTo("plainer-tee");
    }

    @Test
    void aChangeToATakenSlugIsAFieldErrorNotAFailure() {
        expect(201, json("POST", "/api/products/create/", productJson("First Tee"), staff));
        long second = expect(201, json("POST", "/api/products/create/", productJson("Second Tee"), staff)).get("id").asLong();
        assertThat(refused(json("PATCH", "/api/products/" + second + "/", "{\"slug\": \"first-tee\"}", staff)).get("slug").get(0)
                .asString()).isEqualTo("product with this slug already exists.");
    }

    @Test
    void aProductWithoutASlugGetsOneOnItsNextSave() {
        long id = insertProduct("Old Row Tee", "men", "10.00", 1, "Carried over from the original");
        assertThat(expect(200, json("PATCH", "/api/products/" + id + "/", "{\"stock\": 2}", staff)).get("slug").asString())
                .isEqualTo("old-row-tee");
    }

    @Test
    void unknownProductsAre404AndBadIdsAre400() {
        assertThat(expect(404, json("PATCH", "/api/products/9999/", "{\"stock\": 1}", staff)).get("detail").asString())
                .isEqualTo("No Product matches the given query.");
        expect(404, json("PUT", "/api/products/9999/", productJson("Nobody Tee"), staff));
        expect(404, json("DELETE", "/api/products/9999/", null, staff));
        expect(400, json("DELETE", "/api/products/abc/", null, staff));
    }

    @Test
    void onlyStaffWriteAndAnyoneReads() {
        String form = productJson("Guarded Tee");
        assertThat(expect(401, json("POST", "/api/products/create/", form, null)).get("detail").asString())
                .isEqualTo("Authentication credentials were not provided.");
        assertThat(expect(403, json("POST", "/api/products/create/", form, shopper)).get("detail").asString())
                .isEqualTo("You do not have permission to perform this action.");
        long id = expect(201, json("POST", "/api/products/create/", form, staff)).get("id").asLong();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            expect(401, json(method, "/api/products/" + id + "/", "{}", null));
            expect(403, json(method, "/api/products/" + id + "/", "{}", shopper));
        }
        expect(200, get("/api/products/" + id + "/"));
        expect(200, json("GET", "/api/products/" + id + "/", null, shopper));
    }

    @Test
    void deletingAProductEmptiesItFromCartsAndWishlistsAndKeepsOrderLines() {
        long id = expect(201, json("POST", "/api/products/create/", productJson("Doomed Tee"), staff)).get("id").asLong();
        long kept = expect(201, json("POST", "/api/products/create/", productJson("Kept Tee"), staff)).get("id").asLong();
        expect(200, json("POST", "/api/cart/add/", "{\"product_id\": " + id + ", \"quantity\": 2}", shopper));
        expect(200, json("POST", "/api/cart/add/", "{\"product_id\": " + kept + "}", shopper));
        expect(200, json("POST", "/api/cart/wishlist/add/", "{\"product_id\": " + id + "}", shopper));
        long user = jdbc.sql("SELECT user_id FROM carts ORDER BY id DESC LIMIT 1").query(Long.class).single();
        long order = jdbc.sql("INSERT INTO orders (user_id, payment_method, total_amount) VALUES (?, 'cod', 999.98) RETURNING id")
                .param(user).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO order_items (order_id, product_id, product_name, product_category, quantity, price)
                VALUES (?, ?, 'Doomed Tee', 'men', 2, 499.99)""").params(order, id).update();

        WireResponse deleted = json("DELETE", "/api/products/" + id + "/", null, staff);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        expect(404, get("/api/products/" + id + "/"));
        JsonNode cart = expect(200, json("GET", "/api/cart/", null, shopper));
        assertThat(cart.get("items")).extracting(item -> item.get("product").get("id").asLong()).containsExactly(kept);
        assertThat(expect(200, json("GET", "/api/cart/wishlist/", null, shopper)).get("items")).isEmpty();
        assertThat(jdbc.sql("SELECT product_id IS NULL AND product_name = 'Doomed Tee' FROM order_items WHERE order_id = ?")
                .param(order).query(Boolean.class).single()).isTrue();
    }
}
