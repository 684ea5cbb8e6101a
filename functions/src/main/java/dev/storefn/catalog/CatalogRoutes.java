package dev.storefn.catalog;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.access.Access.STAFF;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The catalog routes: the storefront's product reads and staff's product writes.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class CatalogRoutes {

    public static final List<Route> ROUTES = List.of(
            // The storefront's busiest reads: kept serialised until the catalog changes.
            of("GET", "/api/products/", ListProducts.class, ANONYMOUS,
                    "Products, newest first, filtered; one page of them with page or page_size")
                    .cachedUntilChanged(CatalogVersion.class),
            of("GET", "/api/products/{id}/", GetProduct.class, ANONYMOUS, "One product").cachedUntilChanged(CatalogVersion.class),
            of("POST", "/api/products/create/", CreateProduct.class, STAFF,
                    "Create a product (multipart with an image file, or JSON)").created(),
            of("PUT", "/api/products/{id}/", ReplaceProduct.class, STAFF, "Replace a product's fields (image optional)"),
            of("PATCH", "/api/products/{id}/", UpdateProduct.class, STAFF, "Change some fields or the image of a product"),
            of("DELETE", "/api/products/{id}/", DeleteProduct.class, STAFF,
                    "Delete a product; carts and wishlists lose it, orders keep their lines").noContent());

    private CatalogRoutes() {
    }
}
