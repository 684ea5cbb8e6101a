package dev.storefn.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import tools.jackson.databind.JsonNode;

/** Accounts tests start from no users and no rate-limit counts, and create users directly. */
abstract class AccountsTestSupport extends FunctionsTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    UserRepository users;

    @Autowired
    PasswordHasher passwords;

    @Autowired
    Tokens tokens;

    @BeforeEach
    void noUsers() {
        jdbc.sql("TRUNCATE users, revoked_sessions, rate_limit_counters RESTART IDENTITY CASCADE").update();
    }

    User createUser(String email, boolean staff) {
        return users.insert(email, passwords.hash(PASSWORD), "Ada", "Lovelace", null, staff);
    }

    void block(User user) {
        jdbc.sql("UPDATE users SET is_block = true WHERE id = ?").param(user.id()).update();
    }

    JsonNode login(String email, String password) {
        return body(post("/api/login/", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    String accessToken(User user) {
        return tokens.issue(Tokens.Type.ACCESS, user.id(), Tokens.newSessionId());
    }
}
