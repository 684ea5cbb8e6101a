package dev.storefn.platform.media;

import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.operation.Refusal;

/**
 * On AWS Lambda without Cloudinary: there is no disk that lasts beyond an instance, so uploads are refused
 * (503) before anything is written, and images stored elsewhere are still addressed.
 */
final class UnavailableMediaStore implements MediaStore {

    static final String DETAIL = "Image uploads are not available: on AWS Lambda images are kept in Cloudinary,"
            + " and CLOUDINARY_URL is not set.";

    private final PublicUrls urls;

    UnavailableMediaStore(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    public String put(ImageFile image, String folder, String name) {
        throw Refusal.detail(Refusal.Kind.UNAVAILABLE, DETAIL);
    }

    @Override
    public void remove(String stored) {
        // Nothing here was stored by this store.
    }

    @Override
    public String url(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        return MediaStore.isUrl(stored) ? stored : urls.media(stored);
    }
}
