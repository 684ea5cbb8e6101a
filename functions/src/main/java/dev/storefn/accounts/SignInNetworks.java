package dev.storefn.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.platform.operation.ClientNetwork;

/**
 * The networks each account has signed in from in the last half year. While an account's password is being
 * guessed, sign-ins from elsewhere wait; its owner, on a network of theirs, is let through.
 */
@Repository
class SignInNetworks {

    private final JdbcClient jdbc;

    SignInNetworks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A successful sign-in (or sign-up) from this network. */
    void remember(long userId, ClientNetwork network) {
        if (network == null) {
            return;
        }
        jdbc.sql("INSERT INTO sign_in_networks (user_id, network) VALUES (?, ?)"
                + " ON CONFLICT (user_id, network) DO UPDATE SET last_seen = now()").params(userId, network.value()).update();
        jdbc.sql("DELETE FROM sign_in_networks WHERE user_id = ? AND last_seen < now() - interval '180 days'").param(userId).update();
    }

    boolean known(long userId, ClientNetwork network) {
        return network != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM sign_in_networks WHERE user_id = ? AND network = ?"
                + " AND last_seen > now() - interval '180 days')").params(userId, network.value()).query(Boolean.class).single();
    }
}
