package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.WireResponse;

/**
 * Each route reads the body its input needs and no more: kilobytes for JSON fields, none for a route that takes
 * no body, ten megabytes only where a file is uploaded; and what is read is parsed within a budget of values and
 * depth, on every adapter.
 */
class BodyBudgetTest extends FunctionsTest {

    @Autowired
    Dispatcher budgets;

    /** A body of about {@code bytes} bytes: an object whose one field is an array of empty objects. */
    private static String wide(int bytes) {
        return "{\"refresh\": \"x\", \"a\": [" + "{},".repeat(bytes / 3) + "{}]}";
    }

    @Test
    void eachRouteReadsWhatItsInputNeedsAndNoMore() {
        assertThat(budgets.bodyLimit("POST", "/api/login/")).isEqualTo(BodyReader.MAX_FIELDS_BODY_BYTES);
        assertThat(budgets.bodyLimit("POST", "/api/logout/")).isEqualTo(BodyReader.MAX_FIELDS_BODY_BYTES);
        assertThat(budgets.bodyLimit("POST", "/api/orders/webhook/")).isEqualTo(BodyReader.MAX_RAW_BODY_BYTES);
        assertThat(budgets.bodyLimit("POST", "/api/products/create/")).isEqualTo(BodyReader.MAX_BODY_BYTES);
        assertThat(budgets.bodyLimit("PATCH", "/api/products/7/")).isEqualTo(BodyReader.MAX_BODY_BYTES);
        assertThat(budgets.bodyLimit("GET", "/api/products/")).isZero();
        assertThat(budgets.bodyLimit("DELETE", "/api/cart/clear/")).isZero();
        assertThat(budgets.bodyLimit("POST", "/no/such/route/")).isZero();
        assertThat(budgets.bodyLimit("PUT", "/api/login/")).as("a method the path does not offer").isZero();
    }

    @Test
    void aBodyOverItsRoutesBudgetIsRefusedBeforeItIsParsedOnEveryRoute() {
        for (String path : new String[] {"/api/logout/", "/api/refresh/", "/api/login/", "/api/register/", "/api/cart/add/"}) {
            WireResponse refused = send("POST", path, wide(BodyReader.MAX_FIELDS_BODY_BYTES + 10), Map.of());
            assertThat(refused.status()).as(path).isEqualTo(413);
            assertThat(refused.header("Content-Type")).isEqualTo("application/json");
        }
        // Within the budget it is parsed, and answered as the route answers.
        assertThat(send("POST", "/api/logout/", wide(1000), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void whatIsReadIsParsedWithinABudgetOfValuesAndDepth() {
        WireResponse deep = send("POST", "/api/login/", "{\"email\": " + "[".repeat(100) + "]".repeat(100) + "}", Map.of());
        assertThat(deep.status()).isEqualTo(400);
        assertThat(body(deep).get("detail").asString()).startsWith("JSON parse error").contains("nesting depth");
        // Ten thousand values fit in 64 KB ("1,"): a tree beyond that is refused while it is read.
        WireResponse many = send("POST", "/api/login/", "{\"a\": [" + "1,".repeat(20_000) + "1]}", Map.of());
        assertThat(many.status()).isEqualTo(400);
        assertThat(body(many).get("detail").asString()).startsWith("JSON parse error").contains("Token count");
    }

    @Test
    void aRouteThatTakesNoBodyIgnoresOne() {
        WireResponse read = send("GET", "/health/", wide(BodyReader.MAX_FIELDS_BODY_BYTES * 2), Map.of());
        assertThat(read.status()).isEqualTo(200);
    }
}
