package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

class ProductCatalogTest extends FunctionsTest {

    private long redShirt;
    private long blueShirt;
    private long blackDress;

    @BeforeEach
    void catalog() {
        jdbc.sql("TRUNCATE products RESTART IDENTITY CASCADE").update();
        redShirt = insertProduct("Red Shirt", "men", "499.50", 10, "A bright cotton shirt");
        blueShirt = insertProduct("Blue Shirt", "men", "1000.00", 3, "Deep blue, 100% linen");
        blackDress = insertProduct("Black Dress", "women", "2999.99", 0, "An evening dress in black satin");
        // Newest first means blackDress, blueShirt, redShirt; make that explicit in time.
        jdbc.sql("UPDATE products SET created_at = now() - (interval '1 minute' * (3 - id))").update();
    }

    private List<Long> ids(WireResponse response) {
        List<Long> ids = new ArrayList<>();
        JsonNode list = body(response);
        (list.isArray() ? list : list.get("results")).forEach(product -> ids.add(product.get("id").asLong()));
        return ids;
    }

    @Test
    void listsEveryProductNewestFirstAsABareArray() {
        WireResponse response = get("/api/products/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response).isArray()).isTrue();
        assertThat(ids(response)).containsExactly(blackDress, blueShirt, redShirt);
    }

    @Test
    void aChangeCommittedOutsideThisProcessIsInTheNextAnswer() {
        String detail = "/api/products/" + blueShirt + "/";
        assertThat(body(get(detail)).get("stock").asInt()).isEqualTo(3);
        assertThat(ids(get("/api/products/?category=men"))).containsExactly(blueShirt, redShirt);

        // Straight to the database, as another storefn process, an import or psql would.
        jdbc.sql("UPDATE products SET stock = 7, name = 'Navy Shirt' WHERE id = ?").param(blueShirt).update();
        assertThat(body(get(detail)).get("stock").asInt()).isEqualTo(7);
        assertThat(body(get(detail)).get("name").asString()).isEqualTo("Navy Shirt");
        assertThat(body(get("/api/products/?category=men")).get(0).get("name").asString()).isEqualTo("Navy Shirt");

        jdbc.sql("UPDATE products SET category = 'women' WHERE id = ?").param(redShirt).update();
        assertThat(ids(get("/api/products/?category=men"))).containsExactly(blueShirt);

        jdbc.sql("DELETE FROM products WHERE id = ?").param(blueShirt).update();
        assertThat(get(detail).status()).isEqualTo(404);
        assertThat(ids(get("/api/products/?category=men"))).isEmpty();
    }

    @Test
    void searchNeedsEveryTermInTheNameOrTheDescription() {
        assertThat(ids(get("/api/products/?search=shirt"))).containsExactly(blueShirt, redShirt);
        assertThat(ids(get("/api/products/?search=SHIRT%20linen"))).containsExactly(blueShirt);
        assertThat(ids(get("/api/products/?search=shirt,cotton"))).containsExactly(redShirt);
        assertThat(ids(get("/api/products/?search=%22evening%20dress%22"))).containsExactly(blackDress);
        assertThat(ids(get("/api/products/?search=%22dress%20evening%22"))).isEmpty();
    }

    @Test
    void aSearchUsesAtMostItsFirstTenTerms() {
        assertThat(ids(get("/api/products/?search=" + "shirt%20".repeat(10) + "zzz-unmatched"))).as("terms past the tenth are not searched")
                .containsExactly(blueShirt, redShirt);
        assertThat(ListProducts.searchTerms("a b c d e f g h i j k l m")).hasSize(ListProducts.MAX_SEARCH_TERMS);
    }

    @Test
    void searchTreatsLikeWildcardsAsText() {
        assertThat(ids(get("/api/products/?search=100%25"))).containsExactly(blueShirt);
        assertThat(ids(get("/api/products/?search=_"))).isEmpty();
    }

    @Test
    void categoryIsLowerCasedAndUnknownCategoriesAreEmpty() {
        assertThat(ids(get("/api/products/?category=Men"))).containsExactly(blueShirt, redShirt);
        assertThat(ids(get("/api/products/?category=kids"))).isEmpty();
        assertThat(ids(get("/api/products/?category="))).hasSize(3);
    }

    @Test
    void priceBoundsAreInclusiveAndZeroIsApplied() {
        assertThat(ids(get("/api/products/?min_price=499.50&max_price=1000"))).containsExactly(blueShirt, redShirt);
        assertThat(ids(get("/api/products/?min_price=0&max_price=499.5"))).containsExactly(redShirt);
        assertThat(ids(get("/api/products/?max_price=0"))).isEmpty();
        assertThat(ids(get("/api/products/?min_price=&max_price="))).hasSize(3);
    }

    @Test
    void nonNumericPriceBoundsAre400WithAFieldMapAndDetail() {
        for (String query : List.of("min_price=abc", "max_price=1e5", "min_price=NaN", "max_price=12,5")) {
            WireResponse response = get("/api/products/?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            String field = query.substring(0, query.indexOf('='));
            assertThat(body(response).get(field).get(0).asString()).isEqualTo("A valid number is required.");
            assertThat(body(response).get("detail").asString()).isEqualTo("A valid number is required.");
        }
    }

    @Test
    void textPostgresqlCannotStoreIsAFieldErrorNotAFailure() {
        for (String query : List.of("category=%00", "search=a%00b", "min_price=1%00")) {
            WireResponse response = get("/api/products/?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            String field = query.substring(0, query.indexOf('='));
            assertThat(body(response).get(field).get(0).asString()).as(query).isNotBlank();
        }
    }

    @Test
    void pageOrPageSizeSwitchesToThePaginationEnvelope() {
        JsonNode first = body(get("/api/products/?page_size=2&category=men"));
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(first.get("next").isNull()).isTrue();
        assertThat(first.get("previous").isNull()).isTrue();

        JsonNode page1 = body(get("/api/products/?page=1&page_size=2"));
        assertThat(page1.get("count").asLong()).isEqualTo(3);
        assertThat(page1.get("results")).hasSize(2);
        assertThat(page1.get("next").asString()).isEqualTo("http://localhost:8000/api/products/?page_size=2&page=2");

        WireResponse page2 = get("/api/products/?page=2&page_size=2");
        assertThat(ids(page2)).containsExactly(redShirt);
        assertThat(body(page2).get("next").isNull()).isTrue();
        assertThat(body(page2).get("previous").asString()).isEqualTo("http://localhost:8000/api/products/?page_size=2");
    }

    @Test
    void invalidPagesAreRefused() {
        assertThat(get("/api/products/?page=-1").status()).isEqualTo(400);
        assertThat(get("/api/products/?page=0").status()).isEqualTo(400);
        assertThat(get("/api/products/?page=two").status()).isEqualTo(400);
        assertThat(get("/api/products/?page_size=-5").status()).isEqualTo(400);
        WireResponse beyond = get("/api/products/?page=3&page_size=2");
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(body(beyond).get("detail").asString()).isEqualTo("Invalid page.");
        assertThat(body(get("/api/products/?page_size=100000")).get("results")).hasSize(3);
    }

    @Test
    void aProductHasTheOriginalsFieldsAndFormats() {
        JsonNode product = body(get("/api/products/" + blackDress + "/"));
        assertThat(product.propertyNames()).containsExactlyInAnyOrder("id", "name", "price", "stock", "description",
                "slug", "category", "image", "created_at", "updated_at");
        assertThat(product.get("price").asString()).isEqualTo("2999.99");
        assertThat(product.get("stock").asInt()).isZero();
        assertThat(product.get("image").isNull()).isTrue();
        assertThat(product.get("slug").isNull()).isTrue();
        assertThat(product.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
    }

    @Test
    void wholePricesKeepTwoDecimals() {
        assertThat(body(get("/api/products/" + blueShirt + "/")).get("price").asString()).isEqualTo("1000.00");
    }

    @Test
    void imagesAreAbsoluteUrlsAndFullUrlsStayAsTheyAre() {
        jdbc.sql("UPDATE products SET image = 'products/red.svg' WHERE id = ?").param(redShirt).update();
        jdbc.sql("UPDATE products SET image = 'https://res.cloudinary.com/demo/image/upload/v1/x.jpg' WHERE id = ?")
                .param(blueShirt).update();
        assertThat(body(get("/api/products/" + redShirt + "/")).get("image").asString())
                .isEqualTo("http://localhost:8000/media/products/red.svg");
        assertThat(body(get("/api/products/" + blueShirt + "/")).get("image").asString())
                .isEqualTo("https://res.cloudinary.com/demo/image/upload/v1/x.jpg");
    }

    @Test
    void anUnknownProductIs404InDjangosWords() {
        WireResponse response = get("/api/products/987654/");
        assertThat(response.status()).isEqualTo(404);
        assertThat(new String(response.body())).isEqualTo("{\"detail\":\"No Product matches the given query.\"}");
    }

    @Test
    void aNonNumericProductIdIs400() {
        WireResponse response = get("/api/products/abc/");
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).contains("whole number");
        assertThat(get("/api/products/99999999999999999999999/").status()).isEqualTo(400);
    }
}
