package dev.storefn.addresses;

import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The address book routes.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class AddressesRoutes {

    public static final List<Route> ROUTES = List.of(
            of("GET", "/api/orders/addresses/", ListAddresses.class, USER, "The caller's addresses, newest first"),
            of("POST", "/api/orders/addresses/", CreateAddress.class, USER, "Save an address (at most 50)").created(),
            of("PATCH", "/api/orders/addresses/{address_id}/", UpdateAddress.class, USER, "Change some fields of an address"),
            of("DELETE", "/api/orders/addresses/{address_id}/", DeleteAddress.class, USER, "Delete an address"));

    private AddressesRoutes() {
    }
}
