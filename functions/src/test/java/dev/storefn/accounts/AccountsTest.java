package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

class AccountsTest extends AccountsTestSupport {

    @Test
    void registeringAnswers201WithTheUserAndWorkingTokens() {
        WireResponse response = post("/api/register/",
                "{\"email\":\"Ada@Example.COM\",\"password\":\"long enough\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode body = body(response);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("user", "access", "refresh");
        assertThat(body.get("user").propertyNames()).containsExactlyInAnyOrder("id", "email", "first_name", "last_name", "picture", "is_staff");
        assertThat(body.get("user").get("email").asString()).isEqualTo("Ada@example.com");
        assertThat(body.get("user").get("picture").isNull()).isTrue();
        assertThat(body.get("user").get("is_staff").asBoolean()).isFalse();
        assertThat(response.headerValues("Set-Cookie")).isEmpty();

        WireResponse me = send("GET", "/api/me/", null, bearer(body.get("access").asString()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(body(me)).isEqualTo(body.get("user"));
    }

    @Test
    void withoutCookiesAWriteFromAnotherOriginIsServed() {
        // Bearer tokens are never sent by a browser on its own, so there is no cross-site write to refuse.
        createUser("ada@example.com", false);
        assertThat(send("POST", "/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}",
                Map.of("Origin", "https://elsewhere.example", "Host", "api.shop.example")).status()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsArgon2idWithOwaspParameters() {
        post("/api/register/", "{\"email\":\"a@example.com\",\"password\":\"long enough\"}");
        assertThat(users.findByEmail(Email.of("a@example.com").orElseThrow()).orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    }

    @Test
    void registrationErrorsAreFieldMapsWithADetail() {
        JsonNode missing = body(post("/api/register/", "{}"));
        assertThat(missing.get("email").get(0).asString()).isEqualTo("This field is required.");
        assertThat(missing.get("password").get(0).asString()).isEqualTo("This field is required.");
        assertThat(missing.get("detail").asString()).isEqualTo("This field is required.");

        WireResponse invalid = post("/api/register/", "{\"email\":\"not-an-email\",\"password\":\"short\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(body(invalid).get("email").get(0).asString()).isEqualTo("Enter a valid email address.");
        assertThat(body(invalid).get("password").get(0).asString()).isEqualTo("Ensure this field has at least 8 characters.");

        JsonNode tooLong = body(post("/api/register/", "{\"email\":\"b@example.com\",\"password\":\"long enough\",\"first_name\":\""
                + "x".repeat(31) + "\"}"));
        assertThat(tooLong.get("first_name").get(0).asString()).isEqualTo("Ensure this field has no more than 30 characters.");
        assertThat(users.findByEmail(Email.of("b@example.com").orElseThrow())).isEmpty();
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        createUser("taken@example.com", false);
        WireResponse response = post("/api/register/", "{\"email\":\"TAKEN@example.com\",\"password\":\"long enough\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("email").get(0).asString()).isEqualTo("This field must be unique.");
    }

    @Test
    void badBodiesAre400NotErrors() {
        assertThat(body(post("/api/register/", "{oops")).get("detail").asString()).startsWith("JSON parse error");
        assertThat(post("/api/register/", "[1,2]").status()).isEqualTo(400);
        assertThat(post("/api/register/", "{\"email\":[\"a@b.co\"],\"password\":12345678}").status()).isEqualTo(400);
        assertThat(post("/api/login/", "\"text\"").status()).isEqualTo(400);
    }

    @Test
    void formEncodedRegistrationWorksToo() {
        WireResponse response = send("POST", "/api/register/", "email=form%40example.com&password=long+enough",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void loginAnswersTheUserAndTokensWithAnyCaseOfEmail() {
        createUser("ada@example.com", true);
        JsonNode body = login("ADA@example.com", PASSWORD);
        assertThat(body.get("user").get("is_staff").asBoolean()).isTrue();
        assertThat(body.get("access").asString()).isNotBlank();
        assertThat(body.get("refresh").asString()).isNotBlank();
    }

    @Test
    void wrongCredentialsAre400WithADetailString() {
        createUser("ada@example.com", false);
        for (String body : new String[] {"{\"email\":\"ada@example.com\",\"password\":\"wrong password\"}",
                "{\"email\":\"nobody@example.com\",\"password\":\"whatever1\"}"}) {
            WireResponse response = post("/api/login/", body);
            assertThat(response.status()).isEqualTo(400);
            assertThat(new String(response.body())).isEqualTo("{\"detail\":\"Invalid credentials\"}");
        }
        JsonNode missing = body(post("/api/login/", "{\"email\":\"x\"}"));
        assertThat(missing.get("email").get(0).asString()).isEqualTo("Enter a valid email address.");
        assertThat(missing.get("password").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void googleOnlyAccountsCannotSignInWithAPassword() {
        users.insert("g@example.com", "", "G", "", "https://example.com/p.png", false);
        assertThat(post("/api/login/", "{\"email\":\"g@example.com\",\"password\":\"\"}").status()).isEqualTo(400);
        assertThat(post("/api/login/", "{\"email\":\"g@example.com\",\"password\":\"anything1\"}").status()).isEqualTo(400);
    }

    @Test
    void djangoHashesSignInAndAreUpgradedToArgon2id() {
        signsInAndIsUpgraded("pbkdf2_sha256$260000$Wq3sXyz9salt$7D+LN7kCXY0GcCD/XlaHGl9r/2mIFSU6S1u4MaJvHR4=");
    }

    @Test
    void hashesWithTheEarlierArgon2ParametersSignInAndAreUpgraded() {
        signsInAndIsUpgraded("$argon2id$v=19$m=19456,t=2,p=1$mcYZllWu9o5AZoq33dE03w$striBjfwgnOsku4FLU36Nw0FZT9tDTGOKG/3JLvUlsg");
    }

    /** A wrong password leaves {@code stored} as it is; the right one signs in and re-hashes it with today's parameters. */
    private void signsInAndIsUpgraded(String stored) {
        User imported = users.insert("old@example.com", stored, "", "", null, false);
        assertThat(post("/api/login/", "{\"email\":\"old@example.com\",\"password\":\"wrong password\"}").status()).isEqualTo(400);
        assertThat(users.findById(imported.id()).orElseThrow().passwordHash()).isEqualTo(stored);
        assertThat(login("old@example.com", PASSWORD).has("access")).isTrue();
        assertThat(users.findById(imported.id()).orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(login("old@example.com", PASSWORD).has("access")).isTrue();
    }

    @Test
    void aBlockedUserWithTheRightPasswordIs401() {
        block(createUser("ada@example.com", false));
        WireResponse response = post("/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).get("detail").asString()).isEqualTo("Your account has been blocked. Please contact support.");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void withoutCookieModeCookiesAreNeitherSetNorRead() {
        User ada = createUser("ada@example.com", false);
        WireResponse login = post("/api/login/", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.headerValues("Set-Cookie")).isEmpty();
        assertThat(send("GET", "/api/me/", null, Map.of("Cookie", "__Host-access=" + accessToken(ada) + "; access=" + accessToken(ada))).status()).isEqualTo(401);
    }

    @Test
    void meNeedsAToken() {
        WireResponse response = get("/api/me/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void aMalformedBearerHeaderIsRefusedEvenOnPublicRoutes() {
        for (String header : new String[] {"Bearer", "Bearer a b"}) {
            WireResponse response = send("GET", "/api/products/", null, Map.of("Authorization", header));
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(body(response).get("code").asString()).isEqualTo("bad_authorization_header");
        }
        assertThat(send("GET", "/api/products/", null, Map.of("Authorization", "Token abc")).status()).isEqualTo(200);
        assertThat(send("GET", "/api/products/", null, Map.of("Authorization", "")).status()).isEqualTo(200);
    }

    @Test
    void anInvalidTokenMakesTheCallerAnonymous() {
        assertThat(send("GET", "/api/products/", null, bearer("not.a.token")).status()).isEqualTo(200);
        assertThat(send("GET", "/api/me/", null, bearer("not.a.token")).status()).isEqualTo(401);
    }

    @Test
    void aBlockedUsersTokenIsRefusedEverywhereUntilUnblocked() {
        User ada = createUser("ada@example.com", false);
        String token = accessToken(ada);
        block(ada);
        WireResponse products = send("GET", "/api/products/", null, bearer(token));
        assertThat(products.status()).isEqualTo(401);
        assertThat(body(products).get("detail").asString()).isEqualTo("Your account has been blocked. Please contact support.");
        jdbc.sql("UPDATE users SET is_block = false").update();
        assertThat(send("GET", "/api/me/", null, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfAnErasedAccountIsUserNotFound() {
        User ada = createUser("ada@example.com", false);
        String token = accessToken(ada);
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE id = ?").param(ada.id()).update();
        WireResponse response = send("GET", "/api/products/", null, bearer(token));
        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).get("code").asString()).isEqualTo("user_not_found");
    }

    @Test
    void refreshGivesANewAccessTokenForTheSameSession() {
        createUser("ada@example.com", false);
        JsonNode signedIn = login("ada@example.com", PASSWORD);
        WireResponse refreshed = post("/api/refresh/", "{\"refresh\":\"" + signedIn.get("refresh").asString() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(body(refreshed).propertyNames()).containsExactly("access");
        String access = body(refreshed).get("access").asString();
        assertThat(send("GET", "/api/me/", null, bearer(access)).status()).isEqualTo(200);
        assertThat(tokens.verify(access, Tokens.Type.ACCESS).orElseThrow().sessionId())
                .isEqualTo(tokens.verify(signedIn.get("refresh").asString(), Tokens.Type.REFRESH).orElseThrow().sessionId());
    }

    @Test
    void refreshRefusesWhatItShould() {
        User ada = createUser("ada@example.com", false);
        JsonNode signedIn = login("ada@example.com", PASSWORD);
        assertThat(body(post("/api/refresh/", "{}")).get("detail").asString()).isEqualTo("No refresh token provided");
        assertThat(post("/api/refresh/", "{\"refresh\":\"\"}").status()).isEqualTo(401);
        WireResponse garbage = post("/api/refresh/", "{\"refresh\":\"garbage\"}");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(body(garbage).get("detail").asString()).isEqualTo("Refresh token invalid");
        WireResponse accessAsRefresh = post("/api/refresh/", "{\"refresh\":\"" + signedIn.get("access").asString() + "\"}");
        assertThat(body(accessAsRefresh).get("detail").asString()).isEqualTo("Refresh token invalid");
        block(ada);
        WireResponse blocked = post("/api/refresh/", "{\"refresh\":\"" + signedIn.get("refresh").asString() + "\"}");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(body(blocked).get("detail").asString()).isEqualTo("Your account has been blocked");
    }

    @Test
    void logoutEndsOnlyItsOwnSession() {
        createUser("ada@example.com", false);
        JsonNode laptop = login("ada@example.com", PASSWORD);
        JsonNode phone = login("ada@example.com", PASSWORD);
        WireResponse loggedOut = send("POST", "/api/logout/", null, bearer(laptop.get("access").asString()));
        assertThat(loggedOut.status()).isEqualTo(200);
        assertThat(new String(loggedOut.body())).isEqualTo("{\"message\":\"Logged out successfully\"}");

        assertThat(post("/api/refresh/", "{\"refresh\":\"" + laptop.get("refresh").asString() + "\"}").status()).isEqualTo(401);
        assertThat(send("GET", "/api/me/", null, bearer(laptop.get("access").asString())).status()).isEqualTo(401);
        assertThat(post("/api/refresh/", "{\"refresh\":\"" + phone.get("refresh").asString() + "\"}").status()).isEqualTo(200);
        assertThat(send("GET", "/api/me/", null, bearer(phone.get("access").asString())).status()).isEqualTo(200);
    }

    @Test
    void logoutWithARefreshTokenInTheBodyEndsThatSession() {
        createUser("ada@example.com", false);
        JsonNode signedIn = login("ada@example.com", PASSWORD);
        assertThat(post("/api/logout/", "{\"refresh\":\"" + signedIn.get("refresh").asString() + "\"}").status()).isEqualTo(200);
        assertThat(post("/api/refresh/", "{\"refresh\":\"" + signedIn.get("refresh").asString() + "\"}").status()).isEqualTo(401);
    }

    @Test
    void logoutAlwaysAnswers200() {
        assertThat(post("/api/logout/", null).status()).isEqualTo(200);
        assertThat(post("/api/logout/", "{broken").status()).isEqualTo(200);
        assertThat(send("POST", "/api/logout/", null, bearer("garbage")).status()).isEqualTo(200);
    }

    @Test
    void googleSignInWithoutAClientIdIs503() {
        WireResponse response = post("/api/google/", "{\"id_token\":\"x\"}");
        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response).get("detail").asString()).isEqualTo("Google sign-in is not configured");
    }

    @Test
    void staffToggleTheBlockOfOthersButNotOfThemselves() {
        User staff = createUser("staff@example.com", true);
        User ada = createUser("ada@example.com", false);
        String token = accessToken(staff);
        WireResponse blocked = send("POST", "/api/panel/users/" + ada.id() + "/toggle-block/", null, bearer(token));
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(new String(blocked.body())).isEqualTo("{\"status\":\"success\",\"isBlock\":true}");
        assertThat(body(send("POST", "/api/panel/users/" + ada.id() + "/toggle-block/", null, bearer(token))).get("isBlock").asBoolean())
                .isFalse();

        WireResponse self = send("POST", "/api/panel/users/" + staff.id() + "/toggle-block/", null, bearer(token));
        assertThat(self.status()).isEqualTo(400);
        assertThat(body(self).get("error").asString()).isEqualTo(body(self).get("detail").asString());
        assertThat(users.findById(staff.id()).orElseThrow().blocked()).isFalse();

        WireResponse missing = send("POST", "/api/panel/users/999999/toggle-block/", null, bearer(token));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(body(missing).get("detail").asString()).isEqualTo("No User matches the given query.");
    }

    @Test
    void nonStaffAre403AndAnonymousAre401OnTheBlockRoute() {
        User ada = createUser("ada@example.com", false);
        assertThat(send("POST", "/api/panel/users/" + ada.id() + "/toggle-block/", null, bearer(accessToken(ada))).status())
                .isEqualTo(403);
        assertThat(post("/api/panel/users/" + ada.id() + "/toggle-block/", null).status()).isEqualTo(401);
        assertThat(send("GET", "/api/panel/users/" + ada.id() + "/toggle-block/", null, Map.of()).status()).isEqualTo(401);
    }
}
