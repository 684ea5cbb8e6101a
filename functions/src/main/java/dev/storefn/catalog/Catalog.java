package dev.storefn.catalog;

import java.util.Set;

import org.springframework.stereotype.Service;

import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.media.ImageFile;
import dev.storefn.platform.media.ImageFiles;
import dev.storefn.platform.media.ImageRejected;
import dev.storefn.platform.media.MediaStore;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.provider.ProviderActions;

/**
 * What staff and the catalog import may do to the catalog: create, change and delete products, with their
 * images in the media store. A new image is stored first, outside any transaction (the store may be
 * Cloudinary, which may be slow); then the change is one transaction, which asks for the removal of the image
 * it replaces or orphans (a provider action, done once it commits). An image stored for a change that then
 * fails is removed again the same way. Must be called outside a transaction. Fields arrive checked against
 * {@link ProductFields}' rules; what needs the database (a slug in use) and the image itself are checked here.
 */
@Service
public class Catalog {

    static final String FOLDER = "products";
    static final String SLUG_TAKEN = "product with this slug already exists.";
    static final int MAX_IMAGE_URL = 500;

    /** What importing one record did. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record Imported(long id, Outcome outcome) {
    }

    private final ProductRepository products;
    private final ProductViews views;
    private final MediaStore media;
    private final ProviderActions actions;
    private final RemoveImage removeImage;
    private final Transactions transactions;

    Catalog(ProductRepository products, ProductViews views, MediaStore media, ProviderActions actions, RemoveImage removeImage,
            Transactions transactions) {
        this.products = products;
        this.views = views;
        this.media = media;
        this.actions = actions;
        this.removeImage = removeImage;
        this.transactions = transactions;
    }

    /** A new product from complete fields (every one but the slug) and an optional image file. */
    public ProductView create(ProductFields fields, Upload image) {
        return views.view(insert(fields, image == null ? NewImage.NONE : NewImage.file(image)));
    }

    /** Changes the fields given (null: unchanged) and, with a file, the image. */
    public ProductView update(long id, ProductFields changes, Upload image) {
        NewImage newImage = image == null ? NewImage.NONE : NewImage.file(image);
        Product current = products.find(id).orElseThrow(() -> Refusal.notFound("Product"));
        return views.view(change(current, changes, newImage));
    }

    /** Deletes the product; carts and wishlists lose it, orders keep their lines. */
    public void delete(long id) {
        transactions.inOne(() -> {
            Product deleted = products.delete(id).orElseThrow(() -> Refusal.notFound("Product"));
            dropImage(deleted.image(), id);
            return null;
        });
    }

    /**
     * One record of a catalog file: creates the product, or updates the one it stands for (same name, else the
     * slug its name makes) unless it already matches. {@code imageUrl} is stored as it is; {@code imageFile}
     * goes to the media store. {@code matched} are products this import has already written, never matched again.
     */
    public Imported importProduct(ProductFields fields, String imageUrl, Upload imageFile, Set<Long> matched) {
        NewImage image = imageUrl != null ? NewImage.url(imageUrl) : imageFile != null ? NewImage.file(imageFile) : NewImage.NONE;
        String slug = Slugs.candidate(Slugs.slugify(fields.name()), 0);
        Product existing = products.findForImport(fields.name(), slug, matched).orElse(null);
        if (existing == null) {
            return new Imported(insert(fields, image).id(), Outcome.CREATED);
        }
        if (sameAs(existing, fields, image)) {
            return new Imported(existing.id(), Outcome.UNCHANGED);
        }
        return new Imported(change(existing, fields, image).id(), Outcome.UPDATED);
    }

    private Product insert(ProductFields fields, NewImage image) {
        String wanted = blankToNull(fields.slug());
        if (wanted != null && products.slugTaken(wanted, 0)) {
            throw Refusal.invalid("slug", SLUG_TAKEN);
        }
        long id = products.nextId();
        String stored = image.store(this, id, fields.name());
        return afterStoring(image, stored, null, () -> {
            products.lockSlugs();
            String slug = wanted != null ? unused(wanted, id) : generated(fields.name(), null);
            return products.insert(new Product(id, fields.name(), slug, fields.price(), fields.category().value(), stored,
                    fields.description(), fields.stock(), null, null));
        });
    }

    private Product change(Product current, ProductFields changes, NewImage image) {
        String wanted = blankToNull(changes.slug());
        if (wanted != null && !wanted.equals(current.slug()) && products.slugTaken(wanted, current.id())) {
            throw Refusal.invalid("slug", SLUG_TAKEN);
        }
        String name = changes.name() != null ? changes.name() : current.name();
        String stored = image.holdsAlready(current.image()) ? null : image.store(this, current.id(), name);
        return afterStoring(image, stored, current.image(), () -> {
            // Read again under the row's lock: a change made meanwhile is what this one replaces.
            Product locked = products.lock(current.id()).orElseThrow(() -> Refusal.notFound("Product"));
            String slug = changes.slug() != null ? changes.slug() : locked.slug();
            if (slug == null || slug.isEmpty() || !slug.equals(locked.slug())) {
                products.lockSlugs();
                slug = slug == null || slug.isEmpty() ? generated(name, locked.slug()) : unused(slug, locked.id());
            }
            Product updated = products.update(new Product(locked.id(), name, slug,
                    changes.price() != null ? changes.price() : locked.price(),
                    changes.category() != null ? changes.category().value() : locked.category(),
                    stored != null ? stored : locked.image(),
                    changes.description() != null ? changes.description() : locked.description(),
                    changes.stock() != null ? changes.stock() : locked.stock(), null, null));
            // A change made meanwhile may have stored this very image (same product, same content): it stays.
            if (stored != null && !stored.equals(locked.image())) {
                dropImage(locked.image(), locked.id());
            }
            return updated;
        });
    }

    /**
     * Writes the change in one transaction, after its image was stored; if the change fails, the image stored
     * for it goes again (unless it is the one the product showed already: the same content, stored again).
     */
    private Product afterStoring(NewImage image, String stored, String shownBefore, java.util.function.Supplier<Product> change) {
        try {
            return transactions.inOne(change);
        } catch (RuntimeException failed) {
            if (stored != null && image.file() != null && !stored.equals(shownBefore)) {
                actions.request(removeImage, stored, null, RemoveImage.key());
            }
            throw failed;
        }
    }

    private static boolean sameAs(Product existing, ProductFields fields, NewImage image) {
        return existing.name().equals(fields.name()) && existing.price().compareTo(fields.price()) == 0
                && existing.stock() == fields.stock() && existing.description().equals(fields.description())
                && existing.category().equals(fields.category().value())
                && (image == NewImage.NONE || image.holdsAlready(existing.image()));
    }

    /**
     * The first slug made from the name that no other product has ({@code own} is the product's current one),
     * or null when nothing of the name makes one. Needs {@link ProductRepository#lockSlugs}.
     */
    private String generated(String name, String own) {
        String base = Slugs.slugify(name);
        if (base.isEmpty()) {
            return null;
        }
        Set<String> taken = products.slugsStartingWith(Slugs.sharedPrefix(base));
        taken.remove(own);
        for (int n = 0; ; n++) {
            String candidate = Slugs.candidate(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** A slug staff chose, if no other product has it. Needs {@link ProductRepository#lockSlugs}. */
    private String unused(String slug, long id) {
        if (products.slugTaken(slug, id)) {
            throw Refusal.invalid("slug", SLUG_TAKEN);
        }
        return slug;
    }

    /** Asks for the removal of a replaced or orphaned image once the change commits, unless another product shows it too. */
    private void dropImage(String image, long id) {
        if (image != null && !image.isEmpty() && !products.imageInUse(image, id)) {
            actions.request(removeImage, image, null, RemoveImage.key());
        }
    }

    private String storeFile(ImageFile image, long id, String name) {
        String base = Slugs.candidate(Slugs.slugify(name), 0);
        return media.put(image, FOLDER, id + (base.isEmpty() ? "" : "-" + base) + "-" + image.fingerprint());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The image a create or a change brings: none, a URL to keep as it is, or a file for the media store. */
    private record NewImage(String url, ImageFile file) {

        static final NewImage NONE = new NewImage(null, null);

        static NewImage url(String url) {
            if (url.length() > MAX_IMAGE_URL) {
                throw Refusal.invalid("image", "Ensure this field has no more than " + MAX_IMAGE_URL + " characters.");
            }
            return new NewImage(url, null);
        }

        static NewImage file(Upload upload) {
            try {
                return new NewImage(null, ImageFiles.read(upload.content()));
            } catch (ImageRejected rejected) {
                throw Refusal.invalid("image", rejected.getMessage());
            }
        }

        /** Whether a product showing {@code stored} shows this image already (same URL, or same content). */
        boolean holdsAlready(String stored) {
            if (stored == null || this == NONE) {
                return this == NONE;
            }
            return url != null ? url.equals(stored)
                    : stored.endsWith("-" + file.fingerprint() + "." + file.format().extension());
        }

        String store(Catalog catalog, long id, String name) {
            return url != null ? url : file != null ? catalog.storeFile(file, id, name) : null;
        }
    }
}
