package dev.storefn.accounts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of accounts. Erased accounts ({@code deleted_at}) are invisible to everything here. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, first_name, last_name, picture, is_staff, is_active, is_block, password";

    private static final RowMapper<User> USER = (rs, row) -> new User(rs.getLong("id"), rs.getString("email"),
            rs.getString("first_name"), rs.getString("last_name"), rs.getString("picture"), rs.getBoolean("is_staff"),
            rs.getBoolean("is_active"), rs.getBoolean("is_block"), rs.getString("password"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findByEmail(Email email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = ? AND deleted_at IS NULL")
                .param(email.key()).query(USER).optional();
    }

    Optional<User> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? AND deleted_at IS NULL").param(id).query(USER).optional();
    }

    /** Throws {@code DuplicateKeyException} when the email is taken, whatever its case. */
    User insert(String email, String passwordHash, String firstName, String lastName, String picture, boolean staff) {
        return jdbc.sql("""
                INSERT INTO users (email, password, first_name, last_name, picture, is_staff, is_superuser)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING """ + " " + COLUMNS)
                .params(email, passwordHash, firstName, lastName, picture, staff, staff).query(USER).single();
    }

    /** The new account, or empty when the email is taken (whatever its case); never an error inside a transaction. */
    Optional<User> insertIfAbsent(String email, String passwordHash, String firstName, String lastName, String picture) {
        return jdbc.sql("""
                INSERT INTO users (email, password, first_name, last_name, picture, is_staff, is_superuser)
                VALUES (?, ?, ?, ?, ?, false, false) ON CONFLICT DO NOTHING RETURNING """ + " " + COLUMNS)
                .params(email, passwordHash, firstName, lastName, picture).query(USER).optional();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET password = ? WHERE id = ?").params(passwordHash, id).update();
    }

    void updatePicture(long id, String picture) {
        jdbc.sql("UPDATE users SET picture = ? WHERE id = ?").params(picture, id).update();
    }

    void makeStaff(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET is_staff = true, is_superuser = true, is_active = true, password = ? WHERE id = ?")
                .params(passwordHash, id).update();
    }

    /** The new {@code is_block}, or empty when there is no such account. */
    Optional<Boolean> toggleBlock(long id) {
        return jdbc.sql("UPDATE users SET is_block = NOT is_block WHERE id = ? AND deleted_at IS NULL RETURNING is_block")
                .param(id).query(Boolean.class).optional();
    }

    /**
     * Erases an account's personal data, keeping the row for its orders: the email becomes a placeholder no one
     * can register (its domain has no dot), and names, picture, password and every privilege go. False when
     * there is no such account.
     */
    boolean erase(long id) {
        return jdbc.sql("""
                UPDATE users SET deleted_at = now(), email = 'deleted-' || id || '@invalid', password = '',
                    first_name = '', last_name = '', picture = NULL, last_login = NULL,
                    is_staff = false, is_superuser = false, is_active = false
                WHERE id = ? AND deleted_at IS NULL""").param(id).update() == 1;
    }

    record AccessState(User user, boolean sessionRevoked) {
    }

    /** Everything authenticating a request needs, in one query: the session is revoked when logged out or ended with all. */
    Optional<AccessState> accessState(long id, String sessionId, Instant issuedAt) {
        return jdbc.sql("SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = ?)"
                + " OR coalesce(sessions_ended_at > ?, false) AS revoked FROM users WHERE id = ? AND deleted_at IS NULL")
                .params(sessionId, java.sql.Timestamp.from(issuedAt), id)
                .query((rs, row) -> new AccessState(USER.mapRow(rs, row), rs.getBoolean("revoked")))
                .optional();
    }
}
