package storefn.echo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Real PNG files, drawn by the JDK. */
public final class Pngs {

    private Pngs() {
    }

    /** A 3 × 2 PNG with bytes over 0x7F in it, which a text-only path would mangle. */
    public static byte[] tiny() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFFFF0000);
        image.setRGB(1, 0, 0x80FFFFFF);
        image.setRGB(2, 1, 0xFF00FF7F);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
