package dev.storefn.catalog;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/products/{id}/}. */
@Component
@Transaction(NONE)
class GetProduct implements Function<GetProduct.Input, ProductView> {

    record Input(@Doc(value = "The product's id", example = "42") @Path long id) {
    }

    private final ProductRepository products;
    private final ProductViews views;

    GetProduct(ProductRepository products, ProductViews views) {
        this.products = products;
        this.views = views;
    }

    @Override
    public ProductView apply(Input input) {
        return products.find(input.id()).map(views::view).orElseThrow(() -> Refusal.notFound("Product"));
    }
}
