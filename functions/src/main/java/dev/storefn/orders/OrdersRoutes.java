package dev.storefn.orders;

import static dev.storefn.platform.access.Access.STAFF;
import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The orders routes: placing an order, reading them, the buyer's cancel and staff's changes.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class OrdersRoutes {

    public static final List<Route> ROUTES = List.of(
            of("POST", "/api/orders/create/", CreateOrder.class, USER,
                    "Place an order from the cart at the catalog's prices; Idempotency-Key makes retries safe")
                    .withIdempotencyKeys(),
            of("GET", "/api/orders/my/", MyOrders.class, USER, "The caller's orders, newest first"),
            of("GET", "/api/orders/admin/all/", AllOrders.class, STAFF, "Every order, newest first; optional page/page_size"),
            of("GET", "/api/orders/{order_id}/", GetOrder.class, USER, "One order, for its buyer or staff"),
            of("PATCH", "/api/orders/{order_id}/status/", ChangeOrderStatus.class, STAFF,
                    "Move an order along processing, shipped, delivered or cancelled; record a payment"),
            of("POST", "/api/orders/{order_id}/cancel/", CancelOrder.class, USER, "The buyer cancels a processing order"));

    private OrdersRoutes() {
    }
}
