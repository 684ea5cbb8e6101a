package dev.storefn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.ThroughLambda;

/**
 * The list routes are one query each (two for orders and their lines), however long the list: counted at the
 * JDBC driver (every statement prepared or created). Authenticating the caller is one more.
 */
// One buyer places 50 unpaid orders here, past what an account may hold by default.
@SpringBootTest(classes = {Storefn.class, CountingStatements.class}, properties = {"UNPAID_ORDERS_PER_ACCOUNT=100", "UNPAID_UNITS_PER_PRODUCT=1000"})
class ListQueriesTest extends FunctionsTest {

    private int statements(String path, String token) {
        send("GET", path, null, bearer(token)); // a first visit creates the cart or wishlist

        int before = CountingStatements.count();
        WireResponse response = send("GET", path, null, bearer(token));
        assertThat(response.status()).isEqualTo(200);
        return CountingStatements.count() - before;
    }

    @BeforeEach
    void countsThisContextsStatements() {
        ThroughLambda.skipUnlessDirect("counts the statements of this context's pool, which a Lambda instance does not use");
    }

    @Test
    void cartWishlistAndAddressListsAreOneQueryAt1And50Lines() {
        WireResponse registered = sendFrom("203.0.113.201", "POST", "/api/register/",
                "{\"email\": \"counted@example.com\", \"password\": \"a long password\"}", Map.of());
        assertThat(registered.status()).isEqualTo(201);
        String token = body(registered).get("access").asString();
        long user = jdbc.sql("SELECT id FROM users WHERE email = 'counted@example.com'").query(Long.class).single();

        Map<String, Map<Integer, Integer>> counts = new LinkedHashMap<>();
        int lines = 0;
        for (int target : new int[] {1, 50}) {
            for (; lines < target; lines++) {
                long product = insertProduct("Counted " + lines, "men", "10.00", 100, "A product to count queries by");
                assertThat(send("POST", "/api/cart/add/", "{\"product_id\": " + product + "}", bearer(token)).status()).isEqualTo(200);
                assertThat(send("POST", "/api/cart/wishlist/add/", "{\"product_id\": " + product + "}", bearer(token)).status())
                        .isEqualTo(200);
                jdbc.sql("INSERT INTO addresses (user_id, full_name, phone, street, city, pincode)"
                        + " VALUES (?, 'Ada', '9876543210', '1 Long Street', 'Pune', '411001')").param(user).update();
            }
            for (String path : new String[] {"/api/cart/", "/api/cart/wishlist/", "/api/orders/addresses/"}) {
                counts.computeIfAbsent(path, key -> new LinkedHashMap<>()).put(target, statements(path, token));
            }
        }
        System.out.println("statements per request (authentication + the route's own), by lines: " + counts);
        counts.forEach((path, byLines) -> assertThat(byLines).as(path).containsEntry(1, 2).containsEntry(50, 2));

        // Orders and their lines: two queries however many orders there are; the admin's whole list one, through a cursor.
        jdbc.sql("UPDATE users SET is_staff = true WHERE id = ?").param(user).update();
        long product = insertProduct("Ordered", "men", "10.00", 1000, "A product to order many times");
        Map<Integer, Integer> myOrders = new LinkedHashMap<>();
        Map<Integer, Integer> allOrders = new LinkedHashMap<>();
        int placed = 0;
        for (int target : new int[] {1, 20}) {
            for (; placed < target; placed++) {
                assertThat(send("POST", "/api/orders/create/", "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + product
                        + ", \"quantity\": 2}, {\"id\": " + (product - 1) + ", \"quantity\": 1}], \"address\": {\"full_name\": \"Ada\","
                        + " \"phone\": \"9876543210\", \"street\": \"1 Long Street\", \"city\": \"Pune\", \"pincode\": \"411001\"}}",
                        bearer(token)).status()).isEqualTo(200);
            }
            myOrders.put(target, statements("/api/orders/my/", token));
            allOrders.put(target, statements("/api/orders/admin/all/", token));
        }
        System.out.println("statements per request by orders: my " + myOrders + ", admin " + allOrders);
        assertThat(myOrders).containsEntry(1, 3).containsEntry(20, 3);
        assertThat(allOrders).containsEntry(1, 2).containsEntry(20, 2);
    }

    @Test
    void aCatalogReadIsServedAgainForOneVersionQueryUntilTheCatalogChanges() {
        long product = insertProduct("Cached tee", "men", "10.00", 5, "A product whose answers are kept");
        for (String path : new String[] {"/api/products/", "/api/products/" + product + "/", "/api/products/?search=cached"}) {
            assertThat(get(path).status()).isEqualTo(200);
            int before = CountingStatements.count();
            assertThat(get(path).status()).isEqualTo(200);
            assertThat(CountingStatements.count() - before).as("a repeat of " + path + ": the version only").isEqualTo(1);

            jdbc.sql("UPDATE products SET stock = stock + 1 WHERE id = ?").param(product).update();
            before = CountingStatements.count();
            assertThat(get(path).status()).isEqualTo(200);
            assertThat(CountingStatements.count() - before).as("after a change, " + path + " is made again").isEqualTo(2);
        }
    }
}
