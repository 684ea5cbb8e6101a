package dev.storefn.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the catalog. Every list is one query. */
@Repository
class ProductRepository {

    static final String COLUMNS = "p.id, p.name, p.slug, p.price, p.category, p.image, p.description, p.stock, p.created_at, p.updated_at";

    static final RowMapper<Product> PRODUCT = (rs, row) -> product(rs, "");

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Slice(List<Product> products, long total) {
    }

    /** Products that pass the filter, newest first; {@code limit} null means all of them. */
    Slice search(ProductFilter filter, Integer limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM products p WHERE true");
        List<Object> parameters = new ArrayList<>();
        for (String term : filter.searchTerms()) {
            sql.append(" AND (p.name ILIKE ? ESCAPE '\\' OR p.description ILIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(term) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (filter.category() != null) {
            sql.append(" AND p.category = ?");
            parameters.add(filter.category());
        }
        if (filter.minPrice() != null) {
            sql.append(" AND p.price >= ?");
            parameters.add(filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            sql.append(" AND p.price <= ?");
            parameters.add(filter.maxPrice());
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC");
        if (limit != null) {
            sql.append(" LIMIT ? OFFSET ?");
            parameters.add(limit);
            parameters.add(offset);
        }
        long[] total = {0};
        List<Product> products = jdbc.sql(sql.toString()).params(parameters).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return product(rs, "");
        }).list();
        return new Slice(products, total[0]);
    }

    Optional<Product> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p WHERE p.id = ?").param(id).query(PRODUCT).optional();
    }

    /** A product from a row whose product columns carry {@code prefix} ({@code product_id}, ... in joins). */
    static Product product(ResultSet rs, String prefix) throws SQLException {
        return new Product(rs.getLong(prefix + "id"), rs.getString(prefix + "name"), rs.getString(prefix + "slug"),
                rs.getBigDecimal(prefix + "price"), rs.getString(prefix + "category"), rs.getString(prefix + "image"),
                rs.getString(prefix + "description"), rs.getInt(prefix + "stock"),
                rs.getTimestamp(prefix + "created_at").toInstant(), rs.getTimestamp(prefix + "updated_at").toInstant());
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
