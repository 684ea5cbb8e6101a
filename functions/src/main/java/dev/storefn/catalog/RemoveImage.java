package dev.storefn.catalog;

import org.springframework.stereotype.Component;

import dev.storefn.platform.Unique;
import dev.storefn.platform.media.MediaStore;
import dev.storefn.platform.provider.ActionKind;
import dev.storefn.platform.provider.PendingAction;

/**
 * The removal of an image no product shows any more (replaced, its product deleted, or stored for a change
 * that failed), as a provider action: retried until the store confirms it, so Cloudinary keeps no orphan.
 */
@Component
class RemoveImage implements ActionKind {

    private final MediaStore store;
    private final ProductRepository products;

    RemoveImage(MediaStore store, ProductRepository products) {
        this.store = store;
        this.products = products;
    }

    @Override
    public String name() {
        return "image.remove";
    }

    /** Every removal is its own: the same file may be stored and removed again later. */
    static String key() {
        return "storefn-image-removal-" + Unique.hex(12);
    }

    @Override
    public String perform(PendingAction action) {
        // Asked again now: a product may have been given the very same image since.
        if (products.imageInUse(action.subject(), 0)) {
            return "kept: a product shows it";
        }
        store.remove(action.subject());
        return "removed";
    }
}
