package dev.storefn.panel;

import java.util.List;

import dev.storefn.platform.operation.Doc;

/**
 * An order as the panel's user page shows it: no payment status, its lines and address from the snapshots
 * the order took, {@code created_at} in ISO-8601 with the store's offset.
 */
record OrderMini(@Doc(value = "The order's id", example = "101") long id,
        @Doc(value = "The total in rupees, a string with two decimals", example = "1798.00") String totalAmount,
        @Doc(value = "Where the order is", example = "processing", allowed = {"processing", "shipped", "delivered", "cancelled"}) String orderStatus,
        @Doc(value = "How the buyer pays", example = "cod", allowed = {"cod", "stripe"}) String paymentMethod,
        @Doc(value = "When it was placed: ISO-8601 with the store's offset", example = "2025-12-20T14:05:09.481250+05:30")
        String createdAt,
        @Doc("The lines") List<Item> items,
        @Doc(value = "Where it ships, as it was when the order was placed", nullable = true) ShippedTo address) {

    OrderMini withItems(List<Item> lines) {
        return new OrderMini(id, totalAmount, orderStatus, paymentMethod, createdAt, List.copyOf(lines), address);
    }

    record Item(@Doc(value = "The line's id", example = "230") long id,
            @Doc(value = "The product's id; null once the product is deleted", example = "42", nullable = true) Long product,
            @Doc(value = "The product's name when the order was placed", example = "Batman: Dark Knight Oversized T-Shirt")
            String productName,
            @Doc(value = "The product's image URL when the order was placed; null when it had none",
                    example = "https://res.cloudinary.com/demo/image/upload/products/batman.jpg", nullable = true) String image,
            @Doc(value = "How many", example = "2") int quantity,
            @Doc(value = "The unit price paid, in rupees, a string with two decimals", example = "899.00") String price) {
    }

    /** The Address shape without an id: the snapshot is the order's own, not a row of the address book. */
    record ShippedTo(@Doc(value = "Who receives the parcel", example = "Asha Menon") String fullName,
            @Doc(value = "10 digits", example = "9876543210") String phone,
            @Doc(value = "House, street and area", example = "12 MG Road, Indiranagar") String street,
            @Doc(value = "Town or city", example = "Bengaluru") String city,
            @Doc(value = "6-digit PIN code", example = "560038") String pincode) {
    }
}
