package dev.storefn.catalog;

import org.springframework.stereotype.Component;

import dev.storefn.platform.format.Timestamps;

/** Turns stored products into their wire representation. */
@Component
class ProductViews {

    private final ProductImages images;
    private final Timestamps timestamps;

    ProductViews(ProductImages images, Timestamps timestamps) {
        this.images = images;
        this.timestamps = timestamps;
    }

    ProductView view(Product product) {
        return new ProductView(product.id(), product.name(), product.price().setScale(2).toPlainString(), product.stock(),
                product.description(), product.slug(), product.category(), images.url(product.image()),
                timestamps.iso(product.createdAt()), timestamps.iso(product.updatedAt()));
    }
}
