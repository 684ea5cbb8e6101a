package dev.storefn.platform.media;

import java.util.Arrays;
import java.util.Optional;

/** The image formats a shop accepts, recognised by their first bytes, never by a file name or a declared type. */
public enum ImageFormat {
    JPEG("jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    GIF("gif", new byte[] {'G', 'I', 'F', '8'}),
    WEBP("webp", new byte[] {'R', 'I', 'F', 'F'});

    private final String extension;
    private final byte[] magic;

    ImageFormat(String extension, byte[] magic) {
        this.extension = extension;
        this.magic = magic;
    }

    public String extension() {
        return extension;
    }

    static Optional<ImageFormat> of(byte[] content) {
        return Arrays.stream(values()).filter(format -> format.starts(content)).findFirst();
    }

    private boolean starts(byte[] content) {
        return content.length >= magic.length + 8 && Arrays.equals(content, 0, magic.length, magic, 0, magic.length)
                && (this != WEBP || content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P');
    }
}
