package dev.storefn.catalog;

import static dev.storefn.platform.operation.Transaction.Mode.OWN;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.operation.WholeBody;

/** {@code PATCH /api/products/{id}/}: changes the fields given, under the same rules; a new name keeps the slug. */
@Component
// A new image is stored before the product's own transaction (Cloudinary may be slow).
@Transaction(OWN)
class UpdateProduct implements Function<UpdateProduct.Input, ProductView> {

    record Input(@Doc(value = "The product's id", example = "42") @Path long id, @WholeBody(partial = true) ProductFields changes,
            @Doc("A JPEG, PNG, WebP or GIF image of at most 10 MB, in a multipart/form-data body; left out, the image stays")
            @Field(required = false) @Image Upload image) {
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
