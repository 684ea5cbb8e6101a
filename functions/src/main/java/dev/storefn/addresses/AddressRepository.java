package dev.storefn.addresses;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the address book; every statement is scoped to the owner. */
@Repository
class AddressRepository {

    private static final String COLUMNS = "id, full_name, phone, street, city, pincode";
    private static final RowMapper<Address> ADDRESS = (rs, row) -> new Address(rs.getLong("id"), rs.getString("full_name"),
            rs.getString("phone"), rs.getString("street"), rs.getString("city"), rs.getString("pincode"));

    private final JdbcClient jdbc;

    AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Address> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM addresses WHERE user_id = ? ORDER BY id DESC").param(userId).query(ADDRESS).list();
    }

    Optional<Address> find(long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM addresses WHERE id = ? AND user_id = ?").params(id, userId).query(ADDRESS)
                .optional();
    }

    /** How many addresses the user has, counted under a lock held until the transaction ends. */
    int lockAndCount(long userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('addresses:' || ?, 0))").param(userId).query((rs, row) -> true).list();
        return jdbc.sql("SELECT count(*) FROM addresses WHERE user_id = ?").param(userId).query(Integer.class).single();
    }

    Address insert(long userId, NewAddress address) {
        return jdbc.sql("INSERT INTO addresses (user_id, full_name, phone, street, city, pincode) VALUES (?, ?, ?, ?, ?, ?)"
                + " RETURNING " + COLUMNS)
                .params(userId, address.fullName(), address.phone(), address.street(), address.city(), address.pincode())
                .query(ADDRESS).single();
    }

    /** Changes the given fields (null: unchanged); empty when the address is not the user's. */
    Optional<Address> update(long userId, long id, NewAddress changes) {
        return jdbc.sql("""
                UPDATE addresses SET full_name = coalesce(?, full_name), phone = coalesce(?, phone),
                    street = coalesce(?, street), city = coalesce(?, city), pincode = coalesce(?, pincode)
                WHERE id = ? AND user_id = ? RETURNING """ + " " + COLUMNS)
                .params(changes.fullName(), changes.phone(), changes.street(), changes.city(), changes.pincode(), id, userId)
                .query(ADDRESS).optional();
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM addresses WHERE id = ? AND user_id = ?").params(id, userId).update() == 1;
    }

    void deleteAll(long userId) {
        jdbc.sql("DELETE FROM addresses WHERE user_id = ?").param(userId).update();
    }
}
