package dev.storefn.catalog;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.operation.WholeBody;

/** {@code PATCH /api/products/{id}/}: changes the fields given, under the same rules; a new name keeps the slug. */
@Component
public class UpdateProduct implements Function<UpdateProduct.Input, ProductView> {

    record Input(long id, @WholeBody(partial = true) ProductFields changes, @Field(required = false) @Image Upload image) {
    }

    private final Catalog catalog;

    UpdateProduct(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ProductView apply(Input input) {
        return catalog.update(input.id(), input.changes(), input.image());
    }
}
