package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.operation.Names;
import dev.storefn.platform.wire.WireResponse;

/**
 * What an attacker tried, answered: an account hammered from many networks still lets its owner in, one IPv6
 * /64 counts as one client, an address has one identity however it is written, and names cannot hide text.
 */
class UnderAttackTest extends AccountsTestSupport {

    private WireResponse login(String from, String email, String password) {
        return sendFrom(from, "POST", "/api/login/", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    private WireResponse register(String from, String email, String password, String firstName) {
        return sendFrom(from, "POST", "/api/register/", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"first_name\":\""
                + firstName + "\"}", Map.of());
    }

    @Test
    void anOwnerWhoseAccountIsHammeredFromManyNetworksSignsInFromTheirOwnAtTheFirstTry() {
        createUser("victim@example.com", false);
        assertThat(login("203.0.113.77", "victim@example.com", PASSWORD).status()).isEqualTo(200);
        // Three addresses each, from several networks: more failures than the account allows in a window.
        for (int i = 0; i < 15; i++) {
            assertThat(login("198.51.110." + i, "victim@example.com", "a wrong guess " + i).status()).isIn(400, 429);
        }
        // The guesses stopped reaching the password check: from a network the account never used, even the right
        // password waits, so an attacker who found it could not tell.
        WireResponse elsewhere = login("198.51.111.1", "victim@example.com", PASSWORD);
        assertThat(elsewhere.status()).isEqualTo(429);
        assertThat(elsewhere.header("Retry-After")).isNotNull();
        // The owner, at home, is let in at the first try: the attacker cannot lock them out.
        WireResponse owner = login("203.0.113.77", "victim@example.com", PASSWORD);
        assertThat(owner.status()).as(new String(owner.body())).isEqualTo(200);
        // And another address of the owner's IPv6 /64 is the same network.
        assertThat(login("2001:db8:7:7::1", "victim@example.com", PASSWORD).status()).isEqualTo(429);
        jdbc.sql("INSERT INTO sign_in_networks (user_id, network) SELECT id, '2001:db8:7:7::/64' FROM users WHERE email = 'victim@example.com'")
                .update();
        assertThat(login("2001:db8:7:7:a:b:c:d", "victim@example.com", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAttackerSpreadOverOneIpv6Slash64IsOneClient() {
        for (int i = 1; i <= 5; i++) {
            assertThat(login("2001:db8:1:2::" + Integer.toHexString(i), "nobody-" + i + "@example.com", "a wrong guess").status())
                    .isEqualTo(400);
        }
        assertThat(login("2001:db8:1:2:ffff:ffff:ffff:fffe", "nobody-6@example.com", "a wrong guess").status()).isEqualTo(429);
        assertThat(login("2001:db8:1:3::1", "nobody-7@example.com", "a wrong guess").status()).as("the next /64").isEqualTo(400);
        // An IPv4 address written as IPv6 is that IPv4 address.
        for (int i = 0; i < 5; i++) {
            login("198.51.112.9", "nobody@example.com", "a wrong guess");
        }
        assertThat(login("::ffff:198.51.112.9", "nobody@example.com", "a wrong guess").status()).isEqualTo(429);
    }

    @Test
    void anAddressHasOneIdentityHoweverItIsWrittenAndLookalikesAreRefused() {
        assertThat(register("198.51.113.1", "Alice@Example.COM", PASSWORD, "Alice").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT email FROM users WHERE lower(email) = 'alice@example.com'").query(String.class).single())
                .isEqualTo("Alice@example.com");
        int address = 10;
        for (String same : List.of("alice@example.com", "ALICE@EXAMPLE.COM", "\uFF41\uFF4C\uFF49\uFF43\uFF45@example.com", " alice@example.com ")) {
            assertThat(login("198.51.113.2", same, PASSWORD).status()).as(same).isEqualTo(200);
            WireResponse again = register("198.51.113." + address++, same, PASSWORD, "");
            assertThat(again.status()).as(same).isEqualTo(400);
        }
        // A dotted capital I, a Cyrillic a, a zero-width space: each reads as alice to a person, and is no address here.
        int from = 30;
        for (String lookalike : List.of("al\u0130ce@example.com", "\u0430lice@example.com", "al\u200Bice@example.com",
                "alice@ex\u0430mple.com")) {
            WireResponse registered = register("198.51.113." + from++, lookalike, PASSWORD, "");
            assertThat(registered.status()).as(lookalike).isEqualTo(400);
            assertThat(body(registered).get("email").get(0).asString()).isEqualTo(Email.INVALID);
            WireResponse signedIn = login("198.51.113.40", lookalike, PASSWORD);
            assertThat(signedIn.status()).as(lookalike).isEqualTo(400);
            assertThat(body(signedIn).get("detail").asString()).isEqualTo(Login.INVALID);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isOne();
        // Not counted against alice's account either: failures of a lookalike have no account to count on.
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_counters WHERE bucket LIKE 'login-failures:%' AND bucket <> 'login-failures:alice@example.com'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void noEmailMakesSignInFail() {
        for (String email : List.of("\u0130".repeat(240) + "@example.com", "a".repeat(300) + "@example.com", "x@" + "\u0130".repeat(100) + ".com",
                "@example.com", "a@b", "a\u0000b@example.com")) {
            WireResponse answer = login("198.51.114.1", email, PASSWORD);
            assertThat(answer.status()).as(email).isIn(400, 429);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void namesCannotHoldDirectionChangingOrInvisibleCharacters() {
        for (String hidden : List.of("\u202Egnp.exe", "Ada\u200B", "\u2066Ada\u2069")) {
            WireResponse refused = register("198.51.115.1", "named" + hidden.length() + "@example.com", PASSWORD, hidden);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(body(refused).get("first_name").get(0).asString()).isEqualTo(Names.INVALID);
        }
        // Joiners stay: Malayalam and Devanagari need them.
        assertThat(register("198.51.115.2", "malayalam@example.com", PASSWORD, "\u0D28\u0D3F\u0D24\u0D4D\u200D\u0D2F").status()).isEqualTo(201);
    }

    @Test
    void aPasswordOfWhiteSpaceAloneIsRefused() {
        WireResponse refused = register("198.51.116.1", "spaces@example.com", "        ", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(body(refused).get("password").get(0).asString()).isEqualTo(Register.BLANK_PASSWORD);
    }

    @Test
    void aBlockedUserCanLogOutAndTheSessionStaysEndedOnceUnblocked() {
        User user = createUser("blocked-later@example.com", false);
        String refresh = login("blocked-later@example.com", PASSWORD).get("refresh").asString();
        String access = login("blocked-later@example.com", PASSWORD).get("access").asString();
        block(user);
        WireResponse loggedOut = send("POST", "/api/logout/", "{\"refresh\":\"" + refresh + "\"}", bearer(access));
        assertThat(loggedOut.status()).isEqualTo(200);
        jdbc.sql("UPDATE users SET is_block = false WHERE id = ?").param(user.id()).update();
        assertThat(send("POST", "/api/refresh/", "{\"refresh\":\"" + refresh + "\"}", Map.of()).status()).isEqualTo(401);
        assertThat(send("GET", "/api/me/", null, bearer(access)).status()).isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPageLinksIgnoreTheHostHeader() {
        insertProduct("First", "men", "10.00", 1, "A product to page through");
        insertProduct("Second", "men", "10.00", 1, "A product to page through");
        WireResponse page = sendFrom("198.51.118.1", "GET", "/api/products/?page=1&page_size=1", null,
                Map.of("Host", "evil.example", "X-Forwarded-Proto", "gopher"));
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(body(page).get("next").asString()).startsWith("http://localhost:").doesNotContain("evil.example")
                .doesNotContain("gopher");
        WireResponse refused = sendFrom("198.51.118.1", "GET", "/api/me/", null, Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
