-- The networks (an IPv4 address, an IPv6 /64) each account signed in from: while an account's password is
-- being guessed from elsewhere, its owner still signs in from a network of theirs at the first try.
CREATE TABLE sign_in_networks (
    user_id   bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    network   varchar(64) NOT NULL,
    last_seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, network)
);
