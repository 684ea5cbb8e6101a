package dev.storefn.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.storefn.platform.operation.Refusal;

/**
 * Stock, as orders take it and give it back: the only writer of {@code products.stock} outside the catalog's
 * own operations. Rows are locked in ascending product id, so concurrent orders never deadlock, and a take
 * either takes every line or refuses without taking any.
 */
@Service
public class Stock {

    /** What an order line records of the product it sold, at the price of the moment. */
    public record Taken(long productId, String name, BigDecimal price, String image, String category, int quantity) {
    }

    private final JdbcClient jdbc;

    Stock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code quantities} (product id to quantity) from stock, within the caller's transaction.
     * {@code unknownName} names a product that does not exist, for the refusal (the storefront's name for it).
     */
    public List<Taken> take(Map<Long, Integer> quantities, Function<Long, String> unknownName) {
        SortedMap<Long, Integer> ordered = new TreeMap<>(quantities);
        Long[] ids = ordered.keySet().toArray(Long[]::new);
        record Row(long id, String name, BigDecimal price, String image, String category, int stock) {
        }
        Map<Long, Row> rows = new TreeMap<>();
        jdbc.sql("SELECT id, name, price, image, category, stock FROM products WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE")
                .param(ids)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("price"), rs.getString("image"),
                        rs.getString("category"), rs.getInt("stock")))
                .list().forEach(row -> rows.put(row.id(), row));
        List<Taken> taken = new ArrayList<>();
        for (Map.Entry<Long, Integer> line : ordered.entrySet()) {
            Row row = rows.get(line.getKey());
            if (row == null) {
                String name = unknownName.apply(line.getKey());
                throw Refusal.error(Refusal.Kind.NOT_FOUND, "Product " + (name == null ? "unknown" : name) + " not found");
            }
            if (row.stock() < line.getValue()) {
                throw Refusal.refused("Insufficient stock for " + row.name() + ". Only " + row.stock() + " available.");
            }
            taken.add(new Taken(row.id(), row.name(), row.price(), row.image(), row.category(), line.getValue()));
        }
        change(ordered, -1);
        return taken;
    }

    /** Puts back what an order took (products deleted since are skipped), within the caller's transaction. */
    public void restore(Map<Long, Integer> quantities) {
        change(new TreeMap<>(quantities), 1);
    }

    private void change(SortedMap<Long, Integer> quantities, int sign) {
        Long[] ids = quantities.keySet().toArray(Long[]::new);
        Integer[] amounts = quantities.values().stream().map(quantity -> sign * quantity).toArray(Integer[]::new);
        jdbc.sql("""
                UPDATE products p SET stock = p.stock + t.amount, updated_at = now()
                FROM unnest(?::bigint[], ?::int[]) AS t(id, amount) WHERE p.id = t.id""")
                .params(ids, amounts).update();
    }
}
