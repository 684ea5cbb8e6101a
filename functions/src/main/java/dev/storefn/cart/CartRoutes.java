package dev.storefn.cart;

import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.util.List;

import dev.storefn.platform.routes.Route;

/**
 * The cart and wishlist routes.
 * Listed beside the operations they name, which stay package-private; {@code dev.storefn.RouteTable} gathers
 * every feature's.
 */
public final class CartRoutes {

    public static final List<Route> ROUTES = List.of(
            of("GET", "/api/cart/", GetCart.class, USER, "The caller's cart with every line and its product"),
            of("POST", "/api/cart/add/", AddToCart.class, USER, "Add a quantity of a product to the cart"),
            of("DELETE", "/api/cart/remove/{item_id}/", RemoveFromCart.class, USER, "Remove a cart line"),
            of("PATCH", "/api/cart/update/{item_id}/", UpdateCartItem.class, USER, "Set the quantity of a cart line"),
            of("DELETE", "/api/cart/clear/", ClearCart.class, USER, "Empty the cart"),
            of("GET", "/api/cart/wishlist/", GetWishlist.class, USER, "The caller's wishlist"),
            of("POST", "/api/cart/wishlist/add/", AddToWishlist.class, USER, "Add a product to the wishlist"),
            of("DELETE", "/api/cart/wishlist/remove/{item_id}/", RemoveFromWishlist.class, USER, "Remove a wishlist item"));

    private CartRoutes() {
    }
}
