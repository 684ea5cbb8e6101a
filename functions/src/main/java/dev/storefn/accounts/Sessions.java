package dev.storefn.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ended sessions, kept in PostgreSQL so every process and Lambda instance refuses their tokens. */
@Repository
class Sessions {

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void revoke(String sessionId, long userId) {
        jdbc.sql("""
                INSERT INTO revoked_sessions (session_id, user_id, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (session_id) DO NOTHING""")
                .params(sessionId, userId, Timestamp.from(Instant.now().plus(Tokens.REFRESH_LIFETIME)))
                .update();
        // Once a session's refresh token has expired its revocation is moot; tidy up now and then.
        if (ThreadLocalRandom.current().nextInt(50) == 0) {
            jdbc.sql("DELETE FROM revoked_sessions WHERE expires_at < now()").update();
        }
    }

    /** Whether the token's session was ended: logged out, or all of its account's sessions ended after it was issued. */
    boolean isRevoked(Tokens.Claims claims) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = ?)"
                + " OR EXISTS (SELECT 1 FROM users WHERE id = ? AND sessions_ended_at > ?)")
                .params(claims.sessionId(), claims.userId(), Timestamp.from(claims.issuedAt())).query(Boolean.class).single();
    }

    /** Ends every session of the account: tokens issued before this second stop working everywhere. */
    void endAll(long userId) {
        jdbc.sql("UPDATE users SET sessions_ended_at = date_trunc('second', now()) WHERE id = ?").param(userId).update();
    }
}
