package dev.storefn.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.stereotype.Component;

/**
 * Products as other features' own SQL joins them (a cart line shows its product): the select list, with
 * every column named {@code product_...}, and the catalog's representation of such a row. A view of many
 * lines is then one query, never a catalog lookup per line.
 */
@Component
public class JoinedProducts {

    private static final String[] COLUMNS = {"id", "name", "slug", "price", "category", "image", "description", "stock",
        "created_at", "updated_at"};

    private final ProductViews views;
    private final ProductImages images;

    JoinedProducts(ProductViews views, ProductImages images) {
        this.views = views;
        this.images = images;
    }

    /** Where a stored image value (a URL, a media path, an order line's snapshot of one) is served. */
    public String imageUrl(String stored) {
        return images.url(stored);
    }

    /** {@code p.id AS product_id, p.name AS product_name, ...} for a join of {@code products} as {@code alias}. */
    public static String columns(String alias) {
        StringBuilder list = new StringBuilder();
        for (String column : COLUMNS) {
            if (!list.isEmpty()) {
                list.append(", ");
            }
            list.append(alias).append('.').append(column).append(" AS product_").append(column);
        }
        return list.toString();
    }

    /** The Product representation of the joined columns of the current row. */
    public ProductView view(ResultSet row) throws SQLException {
        return views.view(ProductRepository.product(row, "product_"));
    }
}
