package dev.storefn.platform.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An image that has been read through: its format, size in pixels and bytes. Only {@link ImageFiles} makes one. */
public final class ImageFile {

    private final ImageFormat format;
    private final int width;
    private final int height;
    private final byte[] content;

    ImageFile(ImageFormat format, int width, int height, byte[] content) {
        this.format = format;
        this.width = width;
        this.height = height;
        this.content = content;
    }

    public ImageFormat format() {
        return format;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public byte[] content() {
        return content.clone();
    }

    byte[] bytes() {
        return content;
    }

    /** A short name for the content (SHA-256, 10 hex digits): the same image gives the same fingerprint. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
