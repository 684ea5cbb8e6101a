package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * Panel tests start from an empty shop. Accounts that sign in are made the public way (staff as
 * {@code create-staff} makes them, shoppers by registering); the rest, orders included, are written to the tables.
 */
abstract class PanelTestSupport extends FunctionsTest {

    static final String PASSWORD = "a long password";

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    StaffAccounts staffAccounts;

    record Account(long id, String token) {
    }

    @BeforeEach
    void emptyShop() {
        jdbc.sql("TRUNCATE users, products, revoked_sessions, rate_limit_counters RESTART IDENTITY CASCADE").update();
    }

    /** A request from a client address of its own, so that sign-in rate limits decide nothing here. */
    WireResponse fromNewClient(String method, String path, String body) {
        int client = CLIENTS.incrementAndGet();
        return sendFrom("198.18." + (client / 250 % 250) + "." + (client % 250 + 1), method, path, body, Map.of());
    }

    Account staff(String email) {
        staffAccounts.createOrReset(email, PASSWORD, true);
        return signIn(email, PASSWORD);
    }

    Account register(String email, String firstName, String lastName) {
        WireResponse registered = fromNewClient("POST", "/api/register/", "{\"email\": \"" + email + "\", \"password\": \""
                + PASSWORD + "\", \"first_name\": \"" + firstName + "\", \"last_name\": \"" + lastName + "\"}");
        assertThat(registered.status()).isEqualTo(201);
        return account(body(registered));
    }

    Account signIn(String email, String password) {
        WireResponse signedIn = fromNewClient("POST", "/api/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
        assertThat(signedIn.status()).isEqualTo(200);
        return account(body(signedIn));
    }

    private static Account account(JsonNode signedIn) {
        return new Account(signedIn.get("user").get("id").asLong(), signedIn.get("access").asString());
    }

    WireResponse call(String method, String path, Account as) {
        return send(method, path, null, bearer(as.token()));
    }

    long insertUser(String email, String firstName, String lastName, String picture, boolean staff, boolean blocked) {
        return jdbc.sql("INSERT INTO users (email, first_name, last_name, picture, is_staff, is_block) VALUES (?, ?, ?, ?, ?, ?)"
                + " RETURNING id").params(email, firstName, lastName, picture, staff, blocked).query(Long.class).single();
    }

    /** An order without a shipping address, placed at {@code createdAt} (an ISO-8601 instant). */
    long insertOrder(long userId, String method, String paymentStatus, String orderStatus, String total, String createdAt) {
        return jdbc.sql("""
                INSERT INTO orders (user_id, payment_method, payment_status, order_status, total_amount, created_at)
                VALUES (?, ?, ?, ?, ?::numeric, ?::timestamptz) RETURNING id""")
                .params(userId, method, paymentStatus, orderStatus, total, createdAt).query(Long.class).single();
    }

    void shipTo(long orderId, String fullName, String phone, String street, String city, String pincode) {
        jdbc.sql("UPDATE orders SET ship_full_name = ?, ship_phone = ?, ship_street = ?, ship_city = ?, ship_pincode = ? WHERE id = ?")
                .params(fullName, phone, street, city, pincode, orderId).update();
    }

    long insertItem(long orderId, Long productId, String name, String image, int quantity, String price) {
        return jdbc.sql("""
                INSERT INTO order_items (order_id, product_id, product_name, product_image, product_category, quantity, price)
                VALUES (?, ?, ?, ?, 'men', ?, ?::numeric) RETURNING id""")
                .params(orderId, productId, name, image, quantity, price).query(Long.class).single();
    }
}
