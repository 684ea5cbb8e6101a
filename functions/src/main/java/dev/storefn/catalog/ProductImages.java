package dev.storefn.catalog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.storefn.platform.format.PublicUrls;

/**
 * Where a product's image is. New uploads store a full URL (Cloudinary's {@code secure_url}), returned
 * unchanged; local uploads store a path under the media root; rows carried over from the original store
 * hold a Cloudinary public id ({@code media/products/...}), addressed the way its storage did. Other features
 * reach it through {@link JoinedProducts#imageUrl}.
 */
@Component
class ProductImages {

    private final PublicUrls urls;
    private final String cloudinaryCloud;

    ProductImages(PublicUrls urls, @Value("${CLOUDINARY_CLOUD_NAME:}") String cloudinaryCloud) {
        this.urls = urls;
        this.cloudinaryCloud = cloudinaryCloud;
    }

    /** The absolute URL of a stored image value; null when there is none. */
    String url(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        if (stored.startsWith("http://") || stored.startsWith("https://")) {
            return stored;
        }
        if (!cloudinaryCloud.isBlank() && stored.startsWith("media/")) {
            return "https://res.cloudinary.com/" + cloudinaryCloud + "/image/upload/v1/" + stored;
        }
        return urls.media(stored);
    }
}
