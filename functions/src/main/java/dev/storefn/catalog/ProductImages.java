package dev.storefn.catalog;

import org.springframework.stereotype.Component;

import dev.storefn.platform.media.MediaStore;

/**
 * Where a product's image is. New uploads store a full URL (Cloudinary's {@code secure_url}), returned
 * unchanged, or a path under the media root; rows carried over from the original hold a Cloudinary public
 * id ({@code media/products/...}). The media store that kept them says where each one is served. Other
 * features reach it through {@link JoinedProducts#imageUrl}.
 */
@Component
class ProductImages {

    private final MediaStore store;

    ProductImages(MediaStore store) {
        this.store = store;
    }

    /** The absolute URL of a stored image value; null when there is none. */
    String url(String stored) {
        return store.url(stored);
    }
}
