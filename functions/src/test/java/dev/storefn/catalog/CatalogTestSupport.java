package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.MultipartBody;
import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/** Catalog management tests: an empty catalog, a staff member and a shopper signed in through the real routes. */
abstract class CatalogTestSupport extends FunctionsTest {

    private static final AtomicInteger PEERS = new AtomicInteger();

    @Autowired
    StaffAccounts staffAccounts;

    String staff;
    String shopper;

    @BeforeEach
    void emptyCatalogAndTwoPeople() {
        jdbc.sql("TRUNCATE products RESTART IDENTITY CASCADE").update();
        int n = PEERS.incrementAndGet();
        staffAccounts.createOrReset("staff" + n + "@catalog.example", "staff password", true);
        staff = signIn("staff" + n + "@catalog.example", "staff password");
        WireResponse registered = sendFrom(peer(), "POST", "/api/register/",
                "{\"email\":\"shopper" + n + "@catalog.example\",\"password\":\"shopper password\"}", Map.of());
        assertThat(registered.status()).isEqualTo(201);
        shopper = body(registered).get("access").asString();
    }

    /** Every call from an address of its own: the sign-in rate limits must not decide these answers. */
    static String peer() {
        int n = PEERS.incrementAndGet();
        return "198.51.120." + (n % 250 + 1);
    }

    String signIn(String email, String password) {
        WireResponse response = sendFrom(peer(), "POST", "/api/login/",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
        assertThat(response.status()).as(text(response)).isEqualTo(200);
        return body(response).get("access").asString();
    }

    WireResponse json(String method, String path, String body, String token) {
        return send(method, path, body, token == null ? Map.of() : bearer(token));
    }

    WireResponse multipart(String method, String path, MultipartBody form, String token) {
        return sendBytes(method, path, form.bytes(), token == null ? Map.of("Content-Type", form.contentType())
                : Map.of("Content-Type", form.contentType(), "Authorization", "Bearer " + token));
    }

    /** The storefront's add-product form, as FormData sends it. */
    static MultipartBody productForm(String name) {
        return new MultipartBody().field("name", name).field("description", "A product made for the tests")
                .field("price", "499.99").field("category", "men").field("stock", "7");
    }

    static String productJson(String name) {
        return "{\"name\": \"" + name + "\", \"description\": \"A product made for the tests\", \"price\": \"499.99\","
                + " \"category\": \"men\", \"stock\": 7}";
    }

    JsonNode expect(int status, WireResponse response) {
        assertThat(response.status()).as(text(response)).isEqualTo(status);
        return response.body().length == 0 ? null : body(response);
    }

    static String text(WireResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
