package dev.storefn.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as stored. {@code image} is a full URL or a path under the media root. */
record Product(long id, String name, String slug, BigDecimal price, String category, String image,
        String description, int stock, Instant createdAt, Instant updatedAt) {
}
