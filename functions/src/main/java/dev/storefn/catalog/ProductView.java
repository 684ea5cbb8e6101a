package dev.storefn.catalog;

/** The Product representation of the original API: price as a two-decimal string, image as an absolute URL. */
public record ProductView(long id, String name, String price, int stock, String description, String slug,
        String category, String image, String createdAt, String updatedAt) {
}
