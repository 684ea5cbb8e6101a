package dev.storefn.catalog;

import java.math.BigDecimal;

import dev.storefn.platform.operation.Digits;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Range;

/**
 * A product as staff enter it, with the original serializer's rules and words (ORIGINAL.md §3.3). Creating
 * needs every field but the slug; a PATCH gives any of them (the others are null and stay as they are). A
 * blank or absent slug is made from the name.
 */
public record ProductFields(
        @Doc(value = "3 to 255 characters", example = "Batman: Dark Knight Oversized T-Shirt")
        @Field(missing = "Product name is required.", minLength = 3, tooShort = "Product name must be at least 3 characters.",
                maxLength = 255, tooLong = "Product name cannot exceed 255 characters.") String name,
        @Doc(value = "Rupees, 0 to 10,00,000 with at most 2 decimals (10 digits in all); a number or a numeric string",
                example = "899.00")
        @Field(missing = "Price is required.", invalid = "Price must be a valid number.")
        @Digits(total = 10, fraction = 2, tooManyDigits = "Price is too large.", tooManyWholeDigits = "Price is too large.")
        @Range(min = 0, belowMin = "Price cannot be negative.", max = 1_000_000, aboveMax = "Price cannot exceed ₹10,00,000.")
        BigDecimal price,
        @Doc(value = "Units in stock, 0 or more", example = "25")
        @Field(missing = "Stock quantity is required.", invalid = "Stock must be a valid integer.")
        @Range(min = 0, belowMin = "Stock quantity cannot be negative.") Integer stock,
        @Doc(value = "10 to 5,000 characters", example = "Heavyweight cotton, drop shoulders, a print that lasts.")
        @Field(missing = "Description is required.", minLength = 10, tooShort = "Description must be at least 10 characters.",
                maxLength = MAX_DESCRIPTION) String description,
        @Doc(value = "The department, in lower case", example = "men") Category category,
        @Doc(value = "Optional URL name: letters, digits, `-` and `_`, unique; left out or empty, it is made from the name"
                + " (`name`, `name-1`, ...) and kept when the name changes", example = "batman-dark-knight-oversized-t-shirt")
        @Field(required = false, blank = true, maxLength = Slugs.MAX_LENGTH, pattern = "[-a-zA-Z0-9_]+",
                mismatch = "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.") String slug) {

    /** The original's column is unbounded; this keeps one product from holding megabytes of text. */
    static final int MAX_DESCRIPTION = 5_000;
}
