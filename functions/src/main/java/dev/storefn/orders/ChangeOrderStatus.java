package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code PATCH /api/orders/{order_id}/status/}: staff move an order along its state machine and record a
 * cash-on-delivery payment. An illegal move changes nothing; cancelling restores stock, once.
 */
@Component
@Transaction(ONE)
class ChangeOrderStatus implements Function<ChangeOrderStatus.Input, ChangeOrderStatus.Updated> {

    @Doc("Moves follow the order's states: processing to shipped to delivered, processing or shipped to cancelled (stock"
            + " restored once, a card payment refunded). Payment goes from unpaid to paid only (cash collected). An illegal move"
            + " is 400 and changes nothing.")
    record Input(Caller caller, @Doc(value = "The order's id", example = "101") @Path long orderId,
            @Doc(value = "The new status, in any case; empty or left out: unchanged", example = "shipped",
                    allowed = {"processing", "shipped", "delivered", "cancelled"}) @Field(required = false, blank = true) String orderStatus,
            @Doc(value = "`paid` records a cash payment, in any case; empty or left out: unchanged", example = "paid",
                    allowed = {"unpaid", "paid"}) @Field(required = false, blank = true) String paymentStatus) {
    }

    record Updated(@Doc(value = "Always `Order updated successfully`", example = "Order updated successfully",
            allowed = "Order updated successfully") String message, @Doc("The order as it is now") OrderView order) {
    }

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final OrderPayments payments;

    ChangeOrderStatus(OrderRepository orders, OrderLifecycle lifecycle, OrderPayments payments) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
    }

    @Override
    public Updated apply(Input input) {
        Order.Status status = parse(input.orderStatus(), Order.Status.class,
                "Invalid order status. Must be one of: processing, shipped, delivered, cancelled");
        Order.Payment payment = parse(input.paymentStatus(), Order.Payment.class, "Invalid payment status. Must be one of: unpaid, paid");
        OrderRepository.State state = orders.state(input.orderId())
                .orElseThrow(() -> Refusal.error(Refusal.Kind.NOT_FOUND, "Order not found"));
        if (status != null && status != state.status()) {
            Order.Move move = Order.Move.toward(status);
            if (move == null || !move.from.contains(state.status()) || !lifecycle.move(input.orderId(), move)) {
                throw Refusal.refused("Cannot change order status from '" + state.status().wire() + "' to '" + status.wire() + "'.");
            }
            if (status == Order.Status.CANCELLED) {
                payments.cancelled(input.orderId());
            }
        }
        if (payment != null && payment != state.payment()) {
            if (payment == Order.Payment.UNPAID) {
                throw Refusal.refused("Cannot change payment status from 'paid' back to 'unpaid'.");
            }
            // Cash is collected on delivery; nothing is collected for an order that will not be delivered (also when
            // this very request cancelled it).
            if (!lifecycle.markCollected(input.orderId())
                    && orders.state(input.orderId()).map(OrderRepository.State::status).orElse(null) == Order.Status.CANCELLED) {
                throw Refusal.refused("Cannot mark a cancelled order as paid.");
            }
        }
        return new Updated("Order updated successfully", orders.find(input.orderId()).orElseThrow());
    }

    /** Case-insensitive; an empty value means no change. */
    private static <E extends Enum<E>> E parse(String given, Class<E> type, String invalid) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.refused(invalid);
        }
    }
}
