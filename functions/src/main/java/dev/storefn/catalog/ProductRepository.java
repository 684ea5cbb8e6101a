package dev.storefn.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the catalog, the only code that writes {@code products}. Every list is one query. */
@Repository
class ProductRepository {

    static final String COLUMNS = "p.id, p.name, p.slug, p.price, p.category, p.image, p.description, p.stock, p.created_at, p.updated_at";

    private static final String RETURNED = COLUMNS.replace("p.", "");

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

    /** An id for a product about to be inserted, so that its image can be named before the row exists. */
    long nextId() {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('products', 'id'))").query(Long.class).single();
    }

    /**
     * Serialises every choice of a slug until the transaction ends: a slug is chosen after the ones taken
     * are read, and concurrent creates of one name must not both choose the same one.
     */
    void lockSlugs() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('products.slug', 0))").query((rs, row) -> true).list();
    }

    /** The slugs that start with {@code prefix}. */
    Set<String> slugsStartingWith(String prefix) {
        return new HashSet<>(jdbc.sql("SELECT slug FROM products WHERE slug LIKE ? ESCAPE '\\'")
                .param(escapeLike(prefix) + "%").query(String.class).list());
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE slug = ? AND id <> ?)").params(slug, exceptId)
                .query(Boolean.class).single();
    }

    Product insert(Product product) {
        return jdbc.sql("INSERT INTO products (id, name, slug, price, category, image, description, stock)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + RETURNED)
                .params(product.id(), product.name(), product.slug(), product.price(), product.category(), product.image(),
                        product.description(), product.stock())
                .query(PRODUCT).single();
    }

    /** The product, its row locked until the transaction ends; empty when there is none. */
    Optional<Product> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p WHERE p.id = ? FOR UPDATE").param(id).query(PRODUCT).optional();
    }

    Product update(Product product) {
        return jdbc.sql("UPDATE products SET name = ?, slug = ?, price = ?, category = ?, image = ?, description = ?,"
                + " stock = ?, updated_at = now() WHERE id = ? RETURNING " + RETURNED)
                .params(product.name(), product.slug(), product.price(), product.category(), product.image(),
                        product.description(), product.stock(), product.id())
                .query(PRODUCT).single();
    }

    /** Deletes the product (its cart and wishlist lines go with it, order lines keep their copy); empty when none. */
    Optional<Product> delete(long id) {
        return jdbc.sql("DELETE FROM products WHERE id = ? RETURNING " + RETURNED).param(id).query(PRODUCT).optional();
    }

    /** Whether a product other than {@code exceptId} shows this stored image (an imported URL may be shared). */
    boolean imageInUse(String image, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE image = ? AND id <> ?)").params(image, exceptId)
                .query(Boolean.class).single();
    }

    /**
     * The product a catalog file's record stands for: the first by id with its name, else the first with its
     * slug, leaving out those the import has matched already (a file may list one name twice). Those are left
     * out here rather than in SQL, where a long list of them would be compared with every row.
     */
    Optional<Product> findForImport(String name, String slug, Set<Long> excluded) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p WHERE p.name = ? OR p.slug = ? ORDER BY p.name = ? DESC, p.id")
                .params(name, slug, name).query(PRODUCT).list().stream().filter(product -> !excluded.contains(product.id())).findFirst();
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
