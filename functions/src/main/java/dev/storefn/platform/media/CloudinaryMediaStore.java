package dev.storefn.platform.media;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudinary.Cloudinary;
import com.cloudinary.Uploader;

import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.operation.Refusal;

/**
 * Images in Cloudinary, through its SDK: a signed upload whose {@code secure_url} the row stores, and a
 * signed destroy when the image is replaced or its product deleted. Rows carried over from the original
 * hold a bare public id ({@code media/products/...}), addressed the way its storage did.
 */
final class CloudinaryMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(CloudinaryMediaStore.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final CloudinarySettings settings;
    // One uploader for the process: each new one builds its own HTTP client and connection pool.
    private final Uploader uploader;
    private final PublicUrls urls;
    private final Pattern ours;

    CloudinaryMediaStore(CloudinarySettings settings, PublicUrls urls) {
        this.settings = settings;
        this.urls = urls;
        Map<String, Object> config = new HashMap<>();
        config.put("cloud_name", settings.cloudName());
        config.put("api_key", settings.apiKey());
        config.put("api_secret", settings.apiSecret());
        config.put("secure", true);
        if (settings.uploadPrefix() != null) {
            config.put("upload_prefix", settings.uploadPrefix());
        }
        this.uploader = new Cloudinary(config).uploader();
        // .../{cloud}/image/upload/[v123/]{public id}.{format}, on whichever host delivers it.
        this.ours = Pattern.compile("^https?://[^/]+/" + Pattern.quote(settings.cloudName())
                + "/image/upload/(?:v[0-9]+/)?(.+?)(?:\\.[A-Za-z0-9]+)?$");
    }

    @Override
    public String put(ImageFile image, String folder, String name) {
        Map<String, Object> options = options();
        options.put("folder", folder);
        options.put("public_id", name);
        options.put("overwrite", true);
        Object secureUrl;
        try {
            secureUrl = uploader.upload(image.bytes(), options).get("secure_url");
        } catch (IOException | RuntimeException e) {
            log.error("Cloudinary upload of {}/{} failed: {}", folder, name, e.toString());
            throw Refusal.detail(Refusal.Kind.UPSTREAM_FAILED, "The image could not be stored: Cloudinary did not accept it."
                    + " Try again later.");
        }
        if (!(secureUrl instanceof String url) || !MediaStore.isUrl(url)) {
            log.error("Cloudinary answered the upload of {}/{} without a secure_url", folder, name);
            throw Refusal.detail(Refusal.Kind.UPSTREAM_FAILED, "The image could not be stored: Cloudinary did not accept it."
                    + " Try again later.");
        }
        return url;
    }

    @Override
    public void remove(String stored) {
        String publicId = publicId(stored);
        if (publicId == null) {
            return;
        }
        Map<String, Object> options = options();
        options.put("invalidate", true);
        try {
            Object result = uploader.destroy(publicId, options).get("result");
            if (!"ok".equals(result) && !"not found".equals(result)) {
                log.warn("Cloudinary did not destroy the replaced image {}: {}", publicId, result);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not destroy the replaced image {} in Cloudinary: {}", publicId, e.toString());
        }
    }

    @Override
    public String url(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        if (MediaStore.isUrl(stored)) {
            return stored;
        }
        if (stored.startsWith("media/")) {
            return "https://res.cloudinary.com/" + settings.cloudName() + "/image/upload/v1/" + stored;
        }
        return urls.media(stored);
    }

    /** The public id of an asset of this account, or null for anything else (another host's URL, a local path). */
    String publicId(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        if (!MediaStore.isUrl(stored)) {
            return stored.startsWith("media/") ? stored : null;
        }
        Matcher matcher = ours.matcher(stored);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static Map<String, Object> options() {
        Map<String, Object> options = new HashMap<>();
        options.put("resource_type", "image");
        options.put("connect_timeout", CONNECT_TIMEOUT_MS);
        options.put("timeout", READ_TIMEOUT_MS);
        return options;
    }
}
