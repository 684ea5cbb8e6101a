package dev.storefn.orders;

import java.util.List;

/** The Order representation of the original API, from the order's own snapshots. */
record OrderView(long id, long user, ShippingAddress address, List<Item> items, String totalAmount, String paymentMethod,
        String paymentStatus, String orderStatus, String stripeSessionId, String createdAt) {

    /** Where the order ships, as it was when it was placed; {@code id} is null: it is the order's copy. */
    record ShippingAddress(Long id, String fullName, String phone, String street, String city, String pincode) {
    }

    /** One line: what was sold, at what price; {@code stock} is the product's stock now (0 once it is gone). */
    record Item(long id, Long product, String productName, String image, int quantity, String price, String category, int stock) {
    }
}
