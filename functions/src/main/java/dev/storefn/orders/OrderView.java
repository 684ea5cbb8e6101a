package dev.storefn.orders;

import java.util.List;

import dev.storefn.platform.operation.Doc;

/**
 * The Order representation of the original API, from the order's own snapshots, and a card order's refund:
 * {@code refund_status} pending, refunded or failed (null when none was asked for), and for staff the
 * provider's last words about it ({@code refund_error}).
 */
record OrderView(@Doc(value = "The order's id", example = "101") long id,
        @Doc(value = "The buyer's user id", example = "7") long user,
        @Doc(value = "Where it ships, as it was when the order was placed", nullable = true) ShippingAddress address,
        @Doc("The lines") List<Item> items,
        @Doc(value = "The total in rupees, a string with two decimals", example = "1798.00") String totalAmount,
        @Doc(value = "How the buyer pays", example = "cod", allowed = {"cod", "stripe"}) String paymentMethod,
        @Doc(value = "Whether it is paid: a card order when Stripe says so, cash on delivery when staff record it",
                example = "unpaid", allowed = {"unpaid", "paid"}) String paymentStatus,
        @Doc(value = "Where it is: processing, then shipped, then delivered; cancelled from processing (or, by staff, from"
                + " shipped). Delivered and cancelled are final", example = "processing", allowed = {"processing", "shipped", "delivered", "cancelled"}) String orderStatus,
        @Doc(value = "The Stripe Checkout Session of a card order; null for cash on delivery",
                example = "cs_test_a1B2c3D4", nullable = true) String stripeSessionId,
        @Doc(value = "When it was placed, in the store's time zone (STORE_TIME_ZONE): `YYYY-MM-DD HH:MM:SS`, no offset",
                example = "2025-12-20 14:05:09") String createdAt,
        @Doc(value = "The refund of a paid card order that was cancelled; null when none was asked for", example = "pending",
                allowed = {"pending", "refunded", "failed"}, nullable = true) String refundStatus,
        @Doc(value = "Staff only: Stripe's last words about a refund not (yet) made; null otherwise, and always for the buyer",
                nullable = true) String refundError) {

    /** What the buyer sees: the provider's words are for staff. */
    OrderView forBuyer() {
        return refundError == null ? this : new OrderView(id, user, address, items, totalAmount, paymentMethod, paymentStatus,
                orderStatus, stripeSessionId, createdAt, refundStatus, null);
    }

    OrderView withItems(List<Item> lines) {
        return new OrderView(id, user, address, lines, totalAmount, paymentMethod, paymentStatus, orderStatus, stripeSessionId,
                createdAt, refundStatus, refundError);
    }

    /** Where the order ships, as it was when it was placed; {@code id} is null: it is the order's copy. */
    record ShippingAddress(@Doc(value = "Always null: the address is the order's own copy, not a saved one", nullable = true) Long id,
            @Doc(value = "Who receives the parcel", example = "Asha Menon") String fullName,
            @Doc(value = "10 digits", example = "9876543210") String phone,
            @Doc(value = "House, street and area", example = "12 MG Road, Indiranagar") String street,
            @Doc(value = "Town or city", example = "Bengaluru") String city,
            @Doc(value = "6-digit PIN code", example = "560038") String pincode) {
    }

    /** One line: what was sold, at what price; {@code stock} is the product's stock now (0 once it is gone). */
    record Item(@Doc(value = "The line's id", example = "230") long id,
            @Doc(value = "The product's id; null once the product is deleted", example = "42", nullable = true) Long product,
            @Doc(value = "The product's name when the order was placed", example = "Batman: Dark Knight Oversized T-Shirt")
            String productName,
            @Doc(value = "The product's image URL when the order was placed; null when it had none",
                    example = "https://res.cloudinary.com/demo/image/upload/products/batman.jpg", nullable = true) String image,
            @Doc(value = "How many", example = "2") int quantity,
            @Doc(value = "The unit price paid, in rupees, a string with two decimals", example = "899.00") String price,
            @Doc(value = "The product's department when the order was placed; `N/A` when the line does not record one", example = "men",
                    allowed = {"men", "women", "N/A"}) String category,
            @Doc(value = "The product's stock now; 0 once it is deleted", example = "23") int stock) {
    }
}
