package dev.storefn.orders;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/orders/my/}: the caller's orders, newest first, cancelled ones included. Two queries. */
@Component
@Transaction(NONE)
class MyOrders implements Function<MyOrders.Input, List<OrderView>> {

    record Input(Caller caller) {
    }

    private final OrderRepository orders;

    MyOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public List<OrderView> apply(Input input) {
        return orders.ofUser(input.caller().userId()).stream().map(OrderView::forBuyer).toList();
    }
}
