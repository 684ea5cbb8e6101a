package dev.storefn.catalog;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.operation.WholeBody;

/** {@code POST /api/products/create/}: a new product, from a multipart form (with its image) or JSON. */
@Component
// A new image is stored before the product's own transaction (Cloudinary may be slow).
@Transaction(OWN)
class CreateProduct implements Function<CreateProduct.Input, ProductView> {

    record Input(@WholeBody ProductFields product,
            @Doc("A JPEG, PNG, WebP or GIF image of at most 10 MB, in a multipart/form-data body; optional")
            @Field(required = false) @Image Upload image) {
    }

    private final Catalog catalog;

    CreateProduct(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ProductView apply(Input input) {
        return catalog.create(input.product(), input.image());
    }
}
