package dev.storefn.platform.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a file through to make sure it is an image: JPEG, PNG and GIF are decoded by {@code javax.imageio},
 * WebP (which the JDK cannot decode) has its RIFF container and first frame header checked. Truncated or
 * corrupted files are refused, and so are files over {@value #MAX_BYTES} bytes or over {@value #MAX_PIXELS}
 * pixels, whose decoding would cost more than a shop image is worth.
 */
public final class ImageFiles {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    /** DRF's words, which the storefront shows as they are. */
    public static final String NOT_AN_IMAGE =
            "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";
    public static final String TOO_LARGE = "The image is larger than 10 MB. Upload a smaller one.";
    public static final String TOO_MANY_PIXELS = "The image has more than 40 megapixels. Upload a smaller one.";
    /**
     * Decoding at most about this many pixels (4 MB as ARGB): larger images are still read through, with
     * subsampling, so a truncated or corrupted one is found without holding all its pixels in the heap.
     */
    private static final long DECODED_PIXELS = 1_000_000L;

    private ImageFiles() {
    }

    public static ImageFile read(byte[] content) throws ImageRejected {
        if (content.length > MAX_BYTES) {
            throw new ImageRejected(TOO_LARGE);
        }
        ImageFormat format = ImageFormat.of(content).orElseThrow(() -> new ImageRejected(NOT_AN_IMAGE));
        int[] size = format == ImageFormat.WEBP ? WebpFiles.size(content) : decode(format, content);
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new ImageRejected(TOO_MANY_PIXELS);
        }
        return new ImageFile(format, size[0], size[1], content.clone());
    }

    /** Width and height, after decoding every byte of the image data. */
    private static int[] decode(ImageFormat format, byte[] content) throws ImageRejected {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        ImageReader reader = readers.next();
        // ImageIO.read would cache the stream in a temporary file; on Lambda nothing may be written to /tmp.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new ImageRejected(NOT_AN_IMAGE);
            }
            if ((long) width * height > MAX_PIXELS) {
                throw new ImageRejected(TOO_MANY_PIXELS);
            }
            // A truncated JPEG decodes with a warning ("Premature end of JPEG file"), not an exception.
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new ImageRejected(NOT_AN_IMAGE);
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException corrupted) {
            // Decoders report broken data with whatever exception their code meets first.
            throw new ImageRejected(NOT_AN_IMAGE);
        } finally {
            reader.dispose();
        }
    }
}
