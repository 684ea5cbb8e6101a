package dev.storefn.cart;

import java.util.List;

import dev.storefn.catalog.ProductView;

/** The Cart representation of the original API: the cart's id and its lines, each with its whole product. */
record CartView(long id, List<Item> items) {

    record Item(long id, ProductView product, int quantity) {
    }
}
