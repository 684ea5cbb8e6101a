package dev.storefn.orders;

import java.util.List;

/**
 * The Order representation of the original API, from the order's own snapshots, and a card order's refund:
 * {@code refund_status} pending, refunded or failed (null when none was asked for), and for staff the
 * provider's last words about it ({@code refund_error}).
 */
record OrderView(long id, long user, ShippingAddress address, List<Item> items, String totalAmount, String paymentMethod,
        String paymentStatus, String orderStatus, String stripeSessionId, String createdAt, String refundStatus, String refundError) {

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
    record ShippingAddress(Long id, String fullName, String phone, String street, String city, String pincode) {
    }

    /** One line: what was sold, at what price; {@code stock} is the product's stock now (0 once it is gone). */
    record Item(long id, Long product, String productName, String image, int quantity, String price, String category, int stock) {
    }
}
