package dev.storefn.catalog;

import dev.storefn.platform.operation.Doc;

/** The Product representation of the original API: price as a two-decimal string, image as an absolute URL. */
public record ProductView(@Doc(value = "The product's id", example = "42") long id,
        @Doc(value = "The name", example = "Batman: Dark Knight Oversized T-Shirt") String name,
        @Doc(value = "Rupees, as a string with two decimals", example = "899.00") String price,
        @Doc(value = "Units in stock now", example = "25") int stock,
        @Doc(value = "The description", example = "Heavyweight cotton, drop shoulders, a print that lasts.") String description,
        @Doc(value = "The URL name; null only for products imported without one", example = "batman-dark-knight-oversized-t-shirt",
                nullable = true) String slug,
        @Doc(value = "The department", example = "men", allowed = {"men", "women"}) String category,
        @Doc(value = "The image's absolute URL (Cloudinary, or this host's /media/); null when it has none",
                example = "https://res.cloudinary.com/demo/image/upload/products/batman.jpg", nullable = true) String image,
        @Doc(value = "When it was added: ISO-8601 with the store's offset (STORE_TIME_ZONE)",
                example = "2025-12-20T09:14:15.123456+05:30") String createdAt,
        @Doc(value = "When it last changed: ISO-8601 with the store's offset", example = "2025-12-21T18:02:44+05:30")
        String updatedAt) {
}
