package dev.storefn.panel;

import java.util.List;

/**
 * An order as the panel's user page shows it: no payment status, its lines and address from the snapshots
 * the order took, {@code created_at} in ISO-8601 with the store's offset.
 */
record OrderMini(long id, String totalAmount, String orderStatus, String paymentMethod, String createdAt, List<Item> items,
        ShippedTo address) {

    OrderMini withItems(List<Item> lines) {
        return new OrderMini(id, totalAmount, orderStatus, paymentMethod, createdAt, List.copyOf(lines), address);
    }

    record Item(long id, Long product, String productName, String image, int quantity, String price) {
    }

    /** The Address shape without an id: the snapshot is the order's own, not a row of the address book. */
    record ShippedTo(String fullName, String phone, String street, String city, String pincode) {
    }
}
