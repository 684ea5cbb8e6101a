package dev.storefn.payments;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The payments routes: Stripe's webhook and the check on return from a checkout.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class PaymentsRoutes {

    public static final List<Route> ROUTES = List.of(
            of("POST", "/api/orders/webhook/", StripeWebhook.class, ANONYMOUS, "Stripe's signed events about checkouts"),
            of("GET", "/api/orders/verify-payment/", VerifyPayment.class, USER, "Check a Stripe checkout on return from it"));

    private PaymentsRoutes() {
    }
}
