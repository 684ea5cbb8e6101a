package dev.storefn.platform.media;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import dev.storefn.platform.Misconfiguration;

/**
 * Cloudinary's account settings: {@code CLOUDINARY_URL} ({@code cloudinary://key:secret@cloud}), or
 * {@code CLOUDINARY_CLOUD_NAME}, {@code CLOUDINARY_API_KEY} and {@code CLOUDINARY_API_SECRET}; and
 * {@code CLOUDINARY_UPLOAD_PREFIX}, the API's address when it is not Cloudinary's own (a test stand-in).
 */
public record CloudinarySettings(String cloudName, String apiKey, String apiSecret, String uploadPrefix) {

    public CloudinarySettings {
        if (!StringUtils.hasText(cloudName) || !StringUtils.hasText(apiKey) || !StringUtils.hasText(apiSecret)) {
            throw new IllegalArgumentException("Cloudinary needs a cloud name, an API key and an API secret");
        }
        uploadPrefix = !StringUtils.hasText(uploadPrefix) ? null : uploadPrefix.strip().replaceAll("/+$", "");
    }

    /** The settings, or empty when Cloudinary is not configured; a setting given by halves fails the start. */
    public static Optional<CloudinarySettings> from(Environment environment) {
        String url = environment.getProperty("CLOUDINARY_URL", "");
        String cloud = environment.getProperty("CLOUDINARY_CLOUD_NAME", "");
        String key = environment.getProperty("CLOUDINARY_API_KEY", "");
        String secret = environment.getProperty("CLOUDINARY_API_SECRET", "");
        String prefix = environment.getProperty("CLOUDINARY_UPLOAD_PREFIX", "");
        if (StringUtils.hasText(url)) {
            return Optional.of(fromUrl(url.strip(), prefix));
        }
        if (!StringUtils.hasText(cloud) && !StringUtils.hasText(key) && !StringUtils.hasText(secret)) {
            return Optional.empty();
        }
        if (!StringUtils.hasText(cloud) || !StringUtils.hasText(key) || !StringUtils.hasText(secret)) {
            throw new Misconfiguration("Cloudinary is configured in part: set all three of CLOUDINARY_CLOUD_NAME,"
                    + " CLOUDINARY_API_KEY and CLOUDINARY_API_SECRET, or CLOUDINARY_URL alone");
        }
        return Optional.of(new CloudinarySettings(cloud.strip(), key.strip(), secret.strip(), prefix));
    }

    /** Read by hand: {@code java.net.URI} has no host for a cloud name with an underscore. */
    private static CloudinarySettings fromUrl(String url, String prefix) {
        String scheme = "cloudinary://";
        String rest = url.regionMatches(true, 0, scheme, 0, scheme.length()) ? url.substring(scheme.length()) : null;
        int at = rest == null ? -1 : rest.lastIndexOf('@');
        int colon = at < 0 ? -1 : rest.indexOf(':');
        if (at < 0 || colon < 1 || colon > at - 2) {
            throw new Misconfiguration("CLOUDINARY_URL must read cloudinary://API_KEY:API_SECRET@CLOUD_NAME (as Cloudinary's console shows it)");
        }
        String cloud = rest.substring(at + 1).replaceAll("[/?].*$", "");
        if (cloud.isEmpty()) {
            throw new Misconfiguration("CLOUDINARY_URL must read cloudinary://API_KEY:API_SECRET@CLOUD_NAME (as Cloudinary's console shows it)");
        }
        return new CloudinarySettings(cloud, rest.substring(0, colon), rest.substring(colon + 1, at), prefix);
    }

    /** Keeps the secret out of logs and failure messages. */
    @Override
    public String toString() {
        return "CloudinarySettings[cloudName=" + cloudName + ", apiKey=" + apiKey + ", uploadPrefix=" + uploadPrefix + "]";
    }
}
