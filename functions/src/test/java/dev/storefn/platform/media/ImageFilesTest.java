package dev.storefn.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.storefn.TestImages;

/** What passes for an image: the bytes decide, and a file cut short or too big is refused in the shopper's words. */
class ImageFilesTest {

    /** A 16 × 16 WebP (VP8X with alpha and a lossy frame) from CPython's test data: an encoder other than ours. */
    private static byte[] webp() throws IOException {
        try (InputStream in = ImageFilesTest.class.getResourceAsStream("python.webp")) {
            return in.readAllBytes();
        }
    }

    private static String refusal(byte[] content) {
        try {
            ImageFiles.read(content);
        } catch (ImageRejected rejected) {
            return rejected.getMessage();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void jpegPngGifAndWebpAreReadWithTheirSizes() throws Exception {
        for (String format : new String[] {"png", "jpg", "gif"}) {
            ImageFile image = ImageFiles.read(TestImages.picture(format, 1));
            assertThat(image.format().extension()).isEqualTo(format);
            assertThat(image.width()).isEqualTo(40);
            assertThat(image.height()).isEqualTo(30);
        }
        ImageFile webp = ImageFiles.read(webp());
        assertThat(webp.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(webp.width()).isEqualTo(16);
        assertThat(webp.height()).isEqualTo(16);
    }

    @Test
    void aRenamedTextFileOrAnEmptyFileIsNotAnImage() {
        assertThat(refusal("just some text, saved as shirt.png".getBytes(StandardCharsets.UTF_8))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(refusal(new byte[0])).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(ImageFiles.NOT_AN_IMAGE)
                .isEqualTo("Upload a valid image. The file you uploaded was either not an image or a corrupted image.");
    }

    @Test
    void filesCutShortAreCorrupted() throws Exception {
        assertThat(refusal(TestImages.truncated(TestImages.picture("png", 2), 0.6))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(refusal(TestImages.truncated(TestImages.picture("jpg", 2), 0.6))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(refusal(TestImages.truncated(TestImages.picture("gif", 2), 0.6))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(refusal(TestImages.truncated(webp(), 0.6))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        // A header alone, for each format.
        assertThat(refusal(Arrays.copyOf(TestImages.picture("png", 2), 40))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
        assertThat(refusal(Arrays.copyOf(webp(), 30))).isEqualTo(ImageFiles.NOT_AN_IMAGE);
    }

    @Test
    void aWebpMustBeAWellFormedRiffContainerWithAFrame() throws Exception {
        byte[] good = webp();
        byte[] wrongSize = good.clone();
        ByteBuffer.wrap(wrongSize).order(ByteOrder.LITTLE_ENDIAN).putInt(4, good.length);
        assertThat(refusal(wrongSize)).isEqualTo(ImageFiles.NOT_AN_IMAGE);

        byte[] garbageAfter = Arrays.copyOf(good, good.length + 2);
        assertThat(refusal(garbageAfter)).isEqualTo(ImageFiles.NOT_AN_IMAGE);

        byte[] notAFrame = good.clone();
        System.arraycopy("JUNK".getBytes(StandardCharsets.US_ASCII), 0, notAFrame, 12, 4);
        assertThat(refusal(notAFrame)).isEqualTo(ImageFiles.NOT_AN_IMAGE);

        // A RIFF file of another kind (a WAV) is not a WebP.
        byte[] wav = good.clone();
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 4);
        assertThat(refusal(wav)).isEqualTo(ImageFiles.NOT_AN_IMAGE);
    }

    @Test
    void moreThanTenMegabytesIsRefusedBeforeDecoding() {
        byte[] big = TestImages.noisyPng(11 * 1024 * 1024);
        assertThat(big.length).isGreaterThan(ImageFiles.MAX_BYTES);
        assertThat(refusal(big)).isEqualTo(ImageFiles.TOO_LARGE);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImages.blankPng(8000, 6000);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal(bomb)).isEqualTo(ImageFiles.TOO_MANY_PIXELS);
    }

    @Test
    void aLargeImageWithinTheLimitsIsReadThrough() throws Exception {
        ImageFile image = ImageFiles.read(TestImages.blankPng(6000, 6000));
        assertThat(image.width()).isEqualTo(6000);
    }

    @Test
    void theFingerprintFollowsTheContent() throws Exception {
        assertThat(ImageFiles.read(TestImages.picture("png", 3)).fingerprint())
                .isEqualTo(ImageFiles.read(TestImages.picture("png", 3)).fingerprint())
                .isNotEqualTo(ImageFiles.read(TestImages.picture("png", 4)).fingerprint())
                .hasSize(10);
    }
}
