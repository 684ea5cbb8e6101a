package dev.storefn.platform.media;

/**
 * Where uploaded images are kept. What {@link #put} returns is what a row stores: a full URL (Cloudinary's
 * {@code secure_url}) or a path under the media root; {@link #url} turns a stored value into the address
 * browsers load. {@link #put} and {@link #remove} may call a provider: never inside a transaction (a removal
 * a change calls for is a provider action).
 */
public interface MediaStore {

    /** Keeps the image as {@code folder/name} (plus the format's extension); what to store in the row. */
    String put(ImageFile image, String folder, String name);

    /** Removes what {@link #put} stored, if this store holds it (gone already is fine); throws when it could not. */
    void remove(String stored);

    /** The absolute URL of a stored value, or null for none. */
    String url(String stored);

    static boolean isUrl(String stored) {
        return stored.startsWith("http://") || stored.startsWith("https://");
    }
}
