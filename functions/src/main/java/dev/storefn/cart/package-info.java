/** The cart and the wishlist: what a shopper is about to buy and what they keep an eye on. */
@OwnsTables({"carts", "cart_items", "wishlists", "wishlist_items"})
package dev.storefn.cart;

import dev.storefn.platform.operation.OwnsTables;
