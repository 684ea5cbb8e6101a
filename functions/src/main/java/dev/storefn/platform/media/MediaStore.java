package dev.storefn.platform.media;

/**
 * Where uploaded images are kept. What {@link #put} returns is what a row stores: a full URL (Cloudinary's
 * {@code secure_url}) or a path under the media root; {@link #url} turns a stored value into the address
 * browsers load. Features go through {@link MediaChanges}, which ties stores and removals to transactions.
 */
public interface MediaStore {

    /** Keeps the image as {@code folder/name} (plus the format's extension); what to store in the row. */
    String put(ImageFile image, String folder, String name);

    /** Removes what {@link #put} stored, if this store holds it; best effort, failures are logged. */
    void remove(String stored);

    /** The absolute URL of a stored value, or null for none. */
    String url(String stored);

    static boolean isUrl(String stored) {
        return stored.startsWith("http://") || stored.startsWith("https://");
    }
}
