package dev.storefn.catalog;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;

/** {@code DELETE /api/products/{id}/}: 204; carts and wishlists lose the product, orders keep their lines. */
@Component
public class DeleteProduct implements Function<DeleteProduct.Input, Message> {

    record Input(@Doc(value = "The product's id", example = "42") long id) {
    }

    private final Catalog catalog;

    DeleteProduct(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Message apply(Input input) {
        catalog.delete(input.id());
        return new Message("Product deleted");
    }
}
