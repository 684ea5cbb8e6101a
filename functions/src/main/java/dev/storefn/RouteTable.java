package dev.storefn;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;
import java.util.stream.Stream;

import dev.storefn.accounts.AccountsRoutes;
import dev.storefn.addresses.AddressesRoutes;
import dev.storefn.cart.CartRoutes;
import dev.storefn.catalog.CatalogRoutes;
import dev.storefn.orders.OrdersRoutes;
import dev.storefn.panel.PanelRoutes;
import dev.storefn.payments.PaymentsRoutes;
import dev.storefn.platform.database.Health;
import dev.storefn.platform.docs.ApiDocs;
import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.routes.Route;

/**
 * The single list of what storefn serves: the platform's own routes, then each feature's, which the feature
 * lists beside its operations (so they stay package-private), each route naming its operation by type. The web
 * adapter, the Lambda adapter, {@code template.yaml}, the OpenAPI document and the access-control tests all
 * derive from it.
 */
public final class RouteTable {

    private static final List<Route> PLATFORM = List.of(
            of("GET", "/health/", Health.class, ANONYMOUS, "Health: ok when the database answers, else 503"),
            of("GET", "/schema/", OpenApiDocument.class, ANONYMOUS, "The OpenAPI document of every route"),
            of("GET", "/docs/", ApiDocs.class, ANONYMOUS, "Swagger UI for the OpenAPI document"));

    public static final List<Route> ROUTES = Stream.of(PLATFORM,
            AccountsRoutes.ROUTES,
            CatalogRoutes.ROUTES,
            CartRoutes.ROUTES,
            OrdersRoutes.ROUTES,
            PaymentsRoutes.ROUTES,
            AddressesRoutes.ROUTES,
            PanelRoutes.ROUTES)
            .flatMap(List::stream).toList();

    private RouteTable() {
    }
}
