package dev.storefn;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.access.Access.ANYONE;
import static dev.storefn.platform.access.Access.STAFF;
import static dev.storefn.platform.access.Access.USER;
import static dev.storefn.platform.routes.Route.of;

import java.time.Duration;
import java.util.List;

import dev.storefn.accounts.GoogleSignIn;
import dev.storefn.accounts.Login;
import dev.storefn.accounts.Logout;
import dev.storefn.accounts.Me;
import dev.storefn.accounts.RefreshToken;
import dev.storefn.accounts.Register;
import dev.storefn.addresses.CreateAddress;
import dev.storefn.addresses.DeleteAddress;
import dev.storefn.addresses.ListAddresses;
import dev.storefn.addresses.UpdateAddress;
import dev.storefn.cart.AddToCart;
import dev.storefn.cart.AddToWishlist;
import dev.storefn.cart.ClearCart;
import dev.storefn.cart.GetCart;
import dev.storefn.cart.GetWishlist;
import dev.storefn.cart.RemoveFromCart;
import dev.storefn.cart.RemoveFromWishlist;
import dev.storefn.cart.UpdateCartItem;
import dev.storefn.catalog.CatalogVersion;
import dev.storefn.catalog.CreateProduct;
import dev.storefn.catalog.DeleteProduct;
import dev.storefn.catalog.GetProduct;
import dev.storefn.catalog.ListProducts;
import dev.storefn.orders.AllOrders;
import dev.storefn.orders.CancelOrder;
import dev.storefn.orders.ChangeOrderStatus;
import dev.storefn.orders.CreateOrder;
import dev.storefn.orders.GetOrder;
import dev.storefn.orders.MyOrders;
import dev.storefn.panel.DeleteUser;
import dev.storefn.panel.GetDashboard;
import dev.storefn.panel.GetReports;
import dev.storefn.panel.GetUser;
import dev.storefn.panel.ListUsers;
import dev.storefn.catalog.ReplaceProduct;
import dev.storefn.catalog.UpdateProduct;
import dev.storefn.panel.ToggleUserBlock;
import dev.storefn.payments.StripeWebhook;
import dev.storefn.payments.VerifyPayment;
import dev.storefn.platform.database.Health;
import dev.storefn.platform.docs.ApiDocs;
import dev.storefn.platform.docs.OpenApiDocument;
import dev.storefn.platform.routes.Route;

/**
 * The single list of what storefn serves, each route naming its operation by type. The web adapter, the
 * Lambda adapter, {@code template.yaml}, the OpenAPI document and the access-control tests all derive from it.
 */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            of("GET", "/health/", Health.class, ANONYMOUS, "Health: ok when the database answers, else 503"),
            of("GET", "/schema/", OpenApiDocument.class, ANONYMOUS, "The OpenAPI document of every route"),
            of("GET", "/docs/", ApiDocs.class, ANONYMOUS, "Swagger UI for the OpenAPI document"),

            of("POST", "/api/register/", Register.class, ANONYMOUS, "Create an account; answers the user and tokens")
                    .created().limited(3, Duration.ofHours(1)),
            // Its failed attempts are counted per account, and that count must outlive the refusal.
            of("POST", "/api/login/", Login.class, ANONYMOUS, "Sign in with email and password")
                    .limited(5, Duration.ofMinutes(15)).withoutTransaction(),
            of("POST", "/api/refresh/", RefreshToken.class, ANONYMOUS, "A new access token for a refresh token"),
            // Google's keys are fetched outside any transaction; it writes the account in one of its own.
            of("POST", "/api/google/", GoogleSignIn.class, ANONYMOUS, "Sign in with a Google ID token")
                    .limited(5, Duration.ofMinutes(15)).withoutTransaction(),
            // A blocked user may log out too: no authentication, the operation reads the tokens itself.
            of("POST", "/api/logout/", Logout.class, ANYONE, "End the session of the presented tokens (always 200)"),
            of("GET", "/api/me/", Me.class, USER, "The signed-in user"),

            // The storefront's busiest reads: kept serialised until the catalog changes.
            of("GET", "/api/products/", ListProducts.class, ANONYMOUS,
                    "Products, newest first, filtered; one page of them with page or page_size")
                    .cachedUntilChanged(CatalogVersion.class),
            of("GET", "/api/products/{id}/", GetProduct.class, ANONYMOUS, "One product").cachedUntilChanged(CatalogVersion.class),
            // The image is stored before the product's own transaction (Cloudinary may be slow).
            of("POST", "/api/products/create/", CreateProduct.class, STAFF,
                    "Create a product (multipart with an image file, or JSON)").created().withoutTransaction(),
            of("PUT", "/api/products/{id}/", ReplaceProduct.class, STAFF, "Replace a product's fields (image optional)")
                    .withoutTransaction(),
            of("PATCH", "/api/products/{id}/", UpdateProduct.class, STAFF, "Change some fields or the image of a product")
                    .withoutTransaction(),
            of("DELETE", "/api/products/{id}/", DeleteProduct.class, STAFF,
                    "Delete a product; carts and wishlists lose it, orders keep their lines").noContent(),

            of("GET", "/api/cart/", GetCart.class, USER, "The caller's cart with every line and its product"),
            of("POST", "/api/cart/add/", AddToCart.class, USER, "Add a quantity of a product to the cart"),
            of("DELETE", "/api/cart/remove/{item_id}/", RemoveFromCart.class, USER, "Remove a cart line"),
            of("PATCH", "/api/cart/update/{item_id}/", UpdateCartItem.class, USER, "Set the quantity of a cart line"),
            of("DELETE", "/api/cart/clear/", ClearCart.class, USER, "Empty the cart"),
            of("GET", "/api/cart/wishlist/", GetWishlist.class, USER, "The caller's wishlist"),
            of("POST", "/api/cart/wishlist/add/", AddToWishlist.class, USER, "Add a product to the wishlist"),
            of("DELETE", "/api/cart/wishlist/remove/{item_id}/", RemoveFromWishlist.class, USER, "Remove a wishlist item"),

            of("POST", "/api/orders/create/", CreateOrder.class, USER,
                    "Place an order from the cart at the catalog's prices; Idempotency-Key makes retries safe")
                    .withoutTransaction().withIdempotencyKeys(),
            of("POST", "/api/orders/webhook/", StripeWebhook.class, ANONYMOUS, "Stripe's signed events about checkouts"),
            of("GET", "/api/orders/verify-payment/", VerifyPayment.class, USER, "Check a Stripe checkout on return from it"),
            of("GET", "/api/orders/my/", MyOrders.class, USER, "The caller's orders, newest first"),
            of("GET", "/api/orders/admin/all/", AllOrders.class, STAFF, "Every order, newest first; optional page/page_size"),
            of("GET", "/api/orders/{order_id}/", GetOrder.class, USER, "One order, for its buyer or staff"),
            of("PATCH", "/api/orders/{order_id}/status/", ChangeOrderStatus.class, STAFF,
                    "Move an order along processing, shipped, delivered or cancelled; record a payment"),
            of("POST", "/api/orders/{order_id}/cancel/", CancelOrder.class, USER, "The buyer cancels a processing order"),

            of("GET", "/api/orders/addresses/", ListAddresses.class, USER, "The caller's addresses, newest first"),
            of("POST", "/api/orders/addresses/", CreateAddress.class, USER, "Save an address (at most 50)").created(),
            of("PATCH", "/api/orders/addresses/{address_id}/", UpdateAddress.class, USER, "Change some fields of an address"),
            of("DELETE", "/api/orders/addresses/{address_id}/", DeleteAddress.class, USER, "Delete an address"),

            of("GET", "/api/panel/users/", ListUsers.class, STAFF, "Every user but erased ones, newest first; optional page/page_size"),
            of("GET", "/api/panel/users/{id}/", GetUser.class, STAFF, "One user with all their orders"),
            of("POST", "/api/panel/users/{id}/toggle-block/", ToggleUserBlock.class, STAFF, "Block or unblock a user (not oneself)"),
            of("DELETE", "/api/panel/users/{id}/delete/", DeleteUser.class, STAFF,
                    "Erase a user (not oneself): personal data, cart, wishlist and addresses go, orders stay"),
            of("GET", "/api/panel/dashboard/", GetDashboard.class, STAFF, "Totals, recent orders, categories, lowest stock"),
            of("GET", "/api/panel/reports/", GetReports.class, STAFF, "Orders, revenue per store day, payment and status split"));

    private RouteTable() {
    }
}
