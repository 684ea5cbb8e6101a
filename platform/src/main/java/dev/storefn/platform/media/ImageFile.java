package dev.storefn.platform.media;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * An image that has been read through: its format, size in pixels and bytes. Only {@link ImageFiles} makes one
 * (by convention: a record's constructor is public).
 */
public record ImageFile(ImageFormat format, int width, int height, byte[] bytes) {

    /** A short name for the content (SHA-256, 10 hex digits): the same image gives the same fingerprint. */
    public String fingerprint() {
        return DigestUtils.sha256Hex(bytes).substring(0, 10);
    }
}
