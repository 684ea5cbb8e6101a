package dev.storefn.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.provider.ProviderGates;

/** Which store the settings choose, and how Cloudinary's settings are read. */
class MediaStoreConfigurationTest {

    private static final PublicUrls URLS = new PublicUrls("", 8000, "");

    private static MediaStore chosen(MockEnvironment environment) {
        return new MediaStoreConfiguration().mediaStore(environment, URLS, new ProviderGates(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void localDiskUnderTheDataDirectoryIsTheDefault() {
        MediaStore store = chosen(new MockEnvironment().withProperty("STOREFN_DATA_DIR", "/srv/shop"));
        assertThat(store).isInstanceOf(LocalMediaStore.class);
        assertThat(((LocalMediaStore) store).root()).isEqualTo(Path.of("/srv/shop/media"));
        assertThat(((LocalMediaStore) chosen(new MockEnvironment().withProperty("MEDIA_ROOT", "/var/lib/storefn/media"))).root())
                .isEqualTo(Path.of("/var/lib/storefn/media"));
        assertThat(store.url("products/tee.png")).isEqualTo("http://localhost:8000/media/products/tee.png");
        assertThat(store.url("https://cdn.example.com/tee.png")).isEqualTo("https://cdn.example.com/tee.png");
        assertThat(store.url(null)).isNull();
    }

    @Test
    void cloudinaryWhenConfiguredEitherWay() {
        assertThat(chosen(new MockEnvironment().withProperty("CLOUDINARY_URL", "cloudinary://key:secret@shop")))
                .isInstanceOf(CloudinaryMediaStore.class);
        assertThat(chosen(new MockEnvironment().withProperty("CLOUDINARY_CLOUD_NAME", "shop").withProperty("CLOUDINARY_API_KEY", "k")
                .withProperty("CLOUDINARY_API_SECRET", "s"))).isInstanceOf(CloudinaryMediaStore.class);
        assertThat(chosen(new MockEnvironment().withProperty("CLOUDINARY_URL", "cloudinary://key:secret@shop")
                .withProperty("AWS_LAMBDA_FUNCTION_NAME", "storefn"))).isInstanceOf(CloudinaryMediaStore.class);
    }

    @Test
    void onLambdaWithoutCloudinaryUploadsAreRefused() {
        assertThat(chosen(new MockEnvironment().withProperty("AWS_LAMBDA_FUNCTION_NAME", "storefn")))
                .isInstanceOf(UnavailableMediaStore.class);
    }

    @Test
    void cloudinaryUrlsAreReadWholeAndHalfASettingFailsTheStart() {
        CloudinarySettings settings = CloudinarySettings.from(new MockEnvironment()
                .withProperty("CLOUDINARY_URL", "cloudinary://123456:abc-DEF_ghi@my_shop")
                .withProperty("CLOUDINARY_UPLOAD_PREFIX", "http://127.0.0.1:9999/")).orElseThrow();
        assertThat(settings.cloudName()).isEqualTo("my_shop");
        assertThat(settings.apiKey()).isEqualTo("123456");
        assertThat(settings.apiSecret()).isEqualTo("abc-DEF_ghi");
        assertThat(settings.uploadPrefix()).isEqualTo("http://127.0.0.1:9999");
        assertThat(settings.toString()).doesNotContain("abc-DEF_ghi");
        assertThat(CloudinarySettings.from(new MockEnvironment())).isEmpty();
        assertThatThrownBy(() -> CloudinarySettings.from(new MockEnvironment().withProperty("CLOUDINARY_CLOUD_NAME", "shop")))
                .hasMessageContaining("CLOUDINARY_API_KEY");
        assertThatThrownBy(() -> CloudinarySettings.from(new MockEnvironment().withProperty("CLOUDINARY_URL", "https://shop")))
                .hasMessageContaining("cloudinary://API_KEY:API_SECRET@CLOUD_NAME");
        assertThatThrownBy(() -> CloudinarySettings.from(new MockEnvironment().withProperty("CLOUDINARY_URL", "cloudinary://key@shop")))
                .hasMessageContaining("cloudinary://API_KEY:API_SECRET@CLOUD_NAME");
    }

    @Test
    void onlyThisAccountsAssetsAreEverDestroyed() {
        CloudinaryMediaStore store = (CloudinaryMediaStore) chosen(new MockEnvironment()
                .withProperty("CLOUDINARY_URL", "cloudinary://key:secret@shop"));
        assertThat(store.publicId("https://res.cloudinary.com/shop/image/upload/v1712/products/3-tee-0a1b2c3d4e.png"))
                .isEqualTo("products/3-tee-0a1b2c3d4e");
        assertThat(store.publicId("https://res.cloudinary.com/shop/image/upload/products/tee.jpg")).isEqualTo("products/tee");
        assertThat(store.publicId("media/products/tshirt_x7k2qa")).isEqualTo("media/products/tshirt_x7k2qa");
        assertThat(store.publicId("https://res.cloudinary.com/other/image/upload/v1/products/tee.png")).isNull();
        assertThat(store.publicId("https://images.example.com/tee.png")).isNull();
        assertThat(store.publicId("products/local.svg")).isNull();
        assertThat(store.url("media/products/tshirt_x7k2qa"))
                .isEqualTo("https://res.cloudinary.com/shop/image/upload/v1/media/products/tshirt_x7k2qa");
    }
}
