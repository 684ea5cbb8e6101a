package dev.storefn.panel;

import static dev.storefn.platform.access.Access.STAFF;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The admin panel routes: users, the dashboard and the reports.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class PanelRoutes {

    public static final List<Route> ROUTES = List.of(
            of("GET", "/api/panel/users/", ListUsers.class, STAFF, "Every user but erased ones, newest first; optional page/page_size"),
            of("GET", "/api/panel/users/{id}/", GetUser.class, STAFF, "One user with all their orders"),
            of("POST", "/api/panel/users/{id}/toggle-block/", ToggleUserBlock.class, STAFF, "Block or unblock a user (not oneself)"),
            of("DELETE", "/api/panel/users/{id}/delete/", DeleteUser.class, STAFF,
                    "Erase a user (not oneself): personal data, cart, wishlist and addresses go, orders stay"),
            of("GET", "/api/panel/dashboard/", GetDashboard.class, STAFF, "Totals, recent orders, categories, lowest stock"),
            of("GET", "/api/panel/reports/", GetReports.class, STAFF, "Orders, revenue per store day, payment and status split"));

    private PanelRoutes() {
    }
}
