package dev.storefn.catalog;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Transaction;

/** {@code DELETE /api/products/{id}/}: 204; carts and wishlists lose the product, orders keep their lines. */
@Component
// The catalog deletes the product and queues its image's removal in one transaction of its own.
@Transaction(OWN)
class DeleteProduct implements Function<DeleteProduct.Input, Message> {

    record Input(@Doc(value = "The product's id", example = "42") @Path long id) {
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
