package dev.storefn.cart;

import java.util.List;

import dev.storefn.catalog.ProductView;

/** The Wishlist representation of the original API. */
record WishlistView(long id, List<Item> items) {

    record Item(long id, ProductView product) {
    }
}
