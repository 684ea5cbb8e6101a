package dev.storefn.catalog;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Refusal;

/** {@code GET /api/products/{id}/}. */
@Component
public class GetProduct implements Function<GetProduct.Input, ProductView> {

    record Input(@Doc(value = "The product's id", example = "42") long id) {
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
