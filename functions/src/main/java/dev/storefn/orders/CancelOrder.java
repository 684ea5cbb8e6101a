package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code POST /api/orders/{order_id}/cancel/}: the buyer cancels a processing order; its stock comes back once. */
@Component
@Transaction(ONE)
class CancelOrder implements Function<CancelOrder.Input, CancelOrder.Cancelled> {

    @Doc("Only the buyer's own order, while it is processing. Its stock comes back; an open Stripe checkout is ended, and a"
            + " paid card order is refunded (see `refund_status` on the order).")
    record Input(Caller caller, @Doc(value = "The order's id", example = "101") @Path long orderId) {
    }

    record Cancelled(@Doc(value = "Always `Order cancelled successfully`", example = "Order cancelled successfully",
            allowed = "Order cancelled successfully") String message,
            @Doc(value = "The order's id", example = "101") long orderId,
            @Doc(value = "For a paid order, when its refund arrives; null for an unpaid one",
                    example = "Your refund will be processed within 5-7 business days", nullable = true) String refundInfo) {
    }

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final OrderPayments payments;

    CancelOrder(OrderRepository orders, OrderLifecycle lifecycle, OrderPayments payments) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
    }

    @Override
    public Cancelled apply(Input input) {
        OrderRepository.State state = orders.state(input.orderId())
                .filter(order -> order.userId() == input.caller().userId())
                .orElseThrow(() -> Refusal.error(Refusal.Kind.NOT_FOUND, "Order not found"));
        if (!Order.Move.CANCEL_BY_BUYER.from.contains(state.status()) || !lifecycle.move(input.orderId(), Order.Move.CANCEL_BY_BUYER)) {
            Order.Status now = orders.state(input.orderId()).map(OrderRepository.State::status).orElse(state.status());
            throw Refusal.refused("Cannot cancel order with status '" + now.wire() + "'. Only 'processing' orders can be cancelled.");
        }
        payments.cancelled(input.orderId());
        return new Cancelled("Order cancelled successfully", input.orderId(),
                state.payment() == Order.Payment.PAID ? "Your refund will be processed within 5-7 business days" : null);
    }
}
