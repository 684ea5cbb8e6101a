package dev.storefn;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Real image files for tests, drawn and encoded by the JDK. */
public final class TestImages {

    private TestImages() {
    }

    /** A small picture in {@code format} ({@code png}, {@code jpg}, {@code gif}), different for each {@code seed}. */
    public static byte[] picture(String format, int seed) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(new Random(seed).nextInt(0xFFFFFF)));
        graphics.fillRect(0, 0, 40, 30);
        graphics.setColor(Color.WHITE);
        graphics.drawString(Integer.toString(seed % 1000), 4, 20);
        graphics.dispose();
        return encode(image, format);
    }

    /** A PNG of random pixels, which does not compress: about {@code bytes} long. */
    public static byte[] noisyPng(int bytes) {
        int side = (int) Math.ceil(Math.sqrt(bytes / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                row[x] = random.nextInt(0xFFFFFF);
            }
            image.setRGB(0, y, side, 1, row, 0, side);
        }
        return encode(image, "png");
    }

    /** A PNG of one colour, tiny on disk however many pixels it has. */
    public static byte[] blankPng(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    /** The first {@code fraction} of a file, as an upload cut short delivers it. */
    public static byte[] truncated(byte[] file, double fraction) {
        return Arrays.copyOf(file, (int) (file.length * fraction));
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
