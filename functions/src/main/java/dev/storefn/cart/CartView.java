package dev.storefn.cart;

import java.util.List;

import dev.storefn.catalog.ProductView;
import dev.storefn.platform.operation.Doc;

/** The Cart representation of the original API: the cart's id and its lines, each with its whole product. */
record CartView(@Doc(value = "The cart's id", example = "9") long id,
        @Doc("The lines, each a product and its quantity, in no set order") List<Item> items) {

    record Item(@Doc(value = "The line's id, for PATCH /api/cart/update/{item_id}/ and DELETE /api/cart/remove/{item_id}/",
            example = "5") long id,
            @Doc("The product, as GET /api/products/{id}/ shows it now") ProductView product,
            @Doc(value = "How many", example = "2") int quantity) {
    }
}
