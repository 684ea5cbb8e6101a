package dev.storefn.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.storefn.catalog.JoinedProducts;
import dev.storefn.platform.format.Timestamps;

/**
 * The panel's reads of accounts and their orders. Erased accounts are not shown. A list is one query (two with
 * a page: the page and the count), newest id first along the primary key; a user with all their orders and
 * lines is one query.
 */
@Repository
class AdminUserRepository {

    static final String LIST = "SELECT id, email, first_name, last_name, picture, is_staff, is_block FROM users"
            + " WHERE deleted_at IS NULL ORDER BY id DESC";
    static final String PAGE = LIST + " LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM users WHERE deleted_at IS NULL";

    private static final String DETAIL = """
            SELECT u.id, u.email, u.first_name, u.last_name, u.picture, u.is_staff, u.is_block,
                o.id AS order_id, o.total_amount, o.order_status, o.payment_method, o.created_at,
                o.ship_full_name, o.ship_phone, o.ship_street, o.ship_city, o.ship_pincode,
                oi.id AS item_id, oi.product_id, oi.product_name, oi.product_image, oi.quantity, oi.price
            FROM users u
            LEFT JOIN orders o ON o.user_id = u.id
            LEFT JOIN order_items oi ON oi.order_id = o.id
            WHERE u.id = ? AND u.deleted_at IS NULL
            ORDER BY o.created_at DESC, o.id DESC, oi.id""";

    private static final RowMapper<AdminUserListItem> USER = (rs, row) -> AdminUserListItem.of(rs.getLong("id"),
            rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("picture"),
            rs.getBoolean("is_staff"), rs.getBoolean("is_block"));

    private final JdbcClient jdbc;
    private final JoinedProducts images;
    private final Timestamps timestamps;

    AdminUserRepository(JdbcClient jdbc, JoinedProducts images, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.images = images;
        this.timestamps = timestamps;
    }

    List<AdminUserListItem> all() {
        return jdbc.sql(LIST).query(USER).list();
    }

    List<AdminUserListItem> page(int limit, int offset) {
        return jdbc.sql(PAGE).params(limit, offset).query(USER).list();
    }

    long count() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    Optional<AdminUserDetail> detail(long id) {
        AdminUserListItem[] user = {null};
        Map<Long, OrderMini> orders = new LinkedHashMap<>();
        Map<Long, List<OrderMini.Item>> lines = new HashMap<>();
        jdbc.sql(DETAIL).param(id).query(rs -> {
            if (user[0] == null) {
                user[0] = USER.mapRow(rs, 0);
            }
            long orderId = rs.getLong("order_id");
            if (rs.wasNull()) {
                return;
            }
            if (!orders.containsKey(orderId)) {
                orders.put(orderId, order(rs, orderId));
                lines.put(orderId, new ArrayList<>());
            }
            long itemId = rs.getLong("item_id");
            if (!rs.wasNull()) {
                lines.get(orderId).add(item(rs, itemId));
            }
        });
        if (user[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new AdminUserDetail(user[0],
                orders.values().stream().map(order -> order.withItems(lines.get(order.id()))).toList()));
    }

    private OrderMini order(ResultSet rs, long orderId) throws SQLException {
        return new OrderMini(orderId, Money.text(rs.getBigDecimal("total_amount")), rs.getString("order_status"),
                rs.getString("payment_method"), timestamps.iso(rs.getTimestamp("created_at").toInstant()), List.of(), shippedTo(rs));
    }

    private OrderMini.Item item(ResultSet rs, long itemId) throws SQLException {
        long product = rs.getLong("product_id");
        Long productId = rs.wasNull() ? null : product;
        return new OrderMini.Item(itemId, productId, rs.getString("product_name"), images.imageUrl(rs.getString("product_image")),
                rs.getInt("quantity"), Money.text(rs.getBigDecimal("price")));
    }

    /** Null when the order has no address at all, as the original's orders without one. */
    private static OrderMini.ShippedTo shippedTo(ResultSet rs) throws SQLException {
        OrderMini.ShippedTo address = new OrderMini.ShippedTo(rs.getString("ship_full_name"), rs.getString("ship_phone"),
                rs.getString("ship_street"), rs.getString("ship_city"), rs.getString("ship_pincode"));
        return address.equals(new OrderMini.ShippedTo(null, null, null, null, null)) ? null : address;
    }
}
