package dev.storefn.catalog;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.operation.WholeBody;

/**
 * {@code PUT /api/products/{id}/}: every required field again; the slug and the image stay unless given,
 * as DRF's update keeps what the request leaves out.
 */
@Component
public class ReplaceProduct implements Function<ReplaceProduct.Input, ProductView> {

    record Input(long id, @WholeBody ProductFields product, @Field(required = false) @Image Upload image) {
    }

    private final Catalog catalog;

    ReplaceProduct(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ProductView apply(Input input) {
        return catalog.update(input.id(), input.product(), input.image());
    }
}
