package dev.storefn.cart;

import java.util.List;

import dev.storefn.catalog.ProductView;
import dev.storefn.platform.operation.Doc;

/** The Wishlist representation of the original API. */
record WishlistView(@Doc(value = "The wishlist's id", example = "4") long id, @Doc("The products kept") List<Item> items) {

    record Item(@Doc(value = "The item's id, for DELETE /api/cart/wishlist/remove/{item_id}/", example = "3") long id,
            @Doc("The product, as GET /api/products/{id}/ shows it now") ProductView product) {
    }
}
