package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/orders/{order_id}/}: one order, for its buyer or staff; anyone else hears it does not exist. */
@Component
@Transaction(NONE)
class GetOrder implements Function<GetOrder.Input, OrderView> {

    record Input(Caller caller, @Doc(value = "The order's id", example = "101") @Path long orderId) {
    }

    private final OrderRepository orders;

    GetOrder(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public OrderView apply(Input input) {
        return orders.find(input.orderId())
                .filter(order -> input.caller().staff() || order.user() == input.caller().userId())
                .map(order -> input.caller().staff() ? order : order.forBuyer())
                .orElseThrow(() -> Refusal.error(Refusal.Kind.NOT_FOUND, "Order not found"));
    }
}
