package dev.storefn.platform.media;

import java.nio.charset.StandardCharsets;

/**
 * The structure of a WebP file: a RIFF container whose declared size is the file's, chunks that fill it
 * exactly, and a first frame (lossy VP8, lossless VP8L, or an extended VP8X canvas with its frames) whose
 * header is well formed. The JDK has no WebP decoder; this catches renamed files and truncated uploads.
 */
final class WebpFiles {

    private WebpFiles() {
    }

    /** Width and height of a well-formed WebP file. */
    static int[] size(byte[] content) throws ImageRejected {
        if (content.length < 20 || content.length % 2 != 0 || uint32(content, 4) + 8 != content.length) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        int[] size = null;
        boolean frame = false;
        int offset = 12;
        while (offset < content.length) {
            if (offset + 8 > content.length) {
                throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
            }
            String fourcc = new String(content, offset, 4, StandardCharsets.US_ASCII);
            long length = uint32(content, offset + 4);
            int start = offset + 8;
            if (start + length > content.length) {
                throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
            }
            if (offset == 12) {
                size = switch (fourcc) {
                    case "VP8 " -> lossy(content, start, (int) length);
                    case "VP8L" -> lossless(content, start, (int) length);
                    case "VP8X" -> extended(content, start, (int) length);
                    default -> throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
                };
            }
            frame |= fourcc.equals("VP8 ") || fourcc.equals("VP8L") || fourcc.equals("ANMF");
            // Chunks are padded to an even length.
            offset = (int) (start + length + (length & 1));
        }
        if (offset != content.length || !frame) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        return size;
    }

    private static int[] lossy(byte[] content, int start, int length) throws ImageRejected {
        // A key frame: frame tag (3 bytes, bit 0 clear), start code 9d 01 2a, then 14-bit width and height.
        if (length < 10 || (content[start] & 1) != 0 || (content[start + 3] & 0xFF) != 0x9D
                || (content[start + 4] & 0xFF) != 0x01 || (content[start + 5] & 0xFF) != 0x2A) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        return positive(uint16(content, start + 6) & 0x3FFF, uint16(content, start + 8) & 0x3FFF);
    }

    private static int[] lossless(byte[] content, int start, int length) throws ImageRejected {
        // Signature 0x2f, then width - 1 and height - 1 in 14 bits each, then a 3-bit version that must be 0.
        if (length < 5 || (content[start] & 0xFF) != 0x2F) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        long bits = uint32(content, start + 1);
        if ((bits >>> 29) != 0) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        return positive((int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1);
    }

    private static int[] extended(byte[] content, int start, int length) throws ImageRejected {
        if (length < 10) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        return positive(uint24(content, start + 4) + 1, uint24(content, start + 7) + 1);
    }

    private static int[] positive(int width, int height) throws ImageRejected {
        if (width < 1 || height < 1) {
            throw new ImageRejected(ImageFiles.NOT_AN_IMAGE);
        }
        return new int[] {width, height};
    }

    private static int uint16(byte[] content, int at) {
        return (content[at] & 0xFF) | (content[at + 1] & 0xFF) << 8;
    }

    private static int uint24(byte[] content, int at) {
        return uint16(content, at) | (content[at + 2] & 0xFF) << 16;
    }

    private static long uint32(byte[] content, int at) {
        return (uint24(content, at) | (long) (content[at + 3] & 0xFF) << 24);
    }
}
