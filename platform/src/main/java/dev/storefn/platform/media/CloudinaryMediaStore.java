package dev.storefn.platform.media;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudinary.Cloudinary;
import com.cloudinary.Uploader;
import com.cloudinary.utils.ObjectUtils;

import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.provider.Provider;
import dev.storefn.platform.provider.ProviderBusy;
import dev.storefn.platform.provider.ProviderFailed;
import dev.storefn.platform.provider.ProviderGates;

/**
 * Images in Cloudinary, through its SDK: a signed upload whose {@code secure_url} the row stores, and a
 * signed destroy when the image is replaced or its product deleted. Rows carried over from the original
 * hold a bare public id ({@code media/products/...}), addressed the way its storage did.
 */
final class CloudinaryMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(CloudinaryMediaStore.class);
    static final String NOT_STORED = "The image could not be stored: Cloudinary did not accept it. Try again later.";
    static final String NOT_ANSWERING = "The image could not be stored: Cloudinary is not answering. Try again shortly.";

    private final CloudinarySettings settings;
    // One uploader for the process: each new one builds its own HTTP client and connection pool.
    private final Uploader uploader;
    private final PublicUrls urls;
    private final Pattern ours;
    private final ProviderGates gates;

    CloudinaryMediaStore(CloudinarySettings settings, PublicUrls urls, ProviderGates gates) {
        this.settings = settings;
        this.urls = urls;
        this.gates = gates;
        Map<String, Object> config = ObjectUtils.asMap("cloud_name", settings.cloudName(), "api_key", settings.apiKey(),
                "api_secret", settings.apiSecret(), "secure", true);
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
        Map<String, Object> options = options("folder", folder, "public_id", name, "overwrite", true);
        Object secureUrl;
        try {
            secureUrl = gates.call(Provider.CLOUDINARY, () -> {
                try {
                    return uploader.upload(image.bytes(), options).get("secure_url");
                } catch (IOException | RuntimeException e) {
                    throw new ProviderFailed("Cloudinary upload of " + folder + "/" + name + " failed: " + e, false, e);
                }
            });
        } catch (ProviderFailed e) {
            log.error(e.getMessage());
            throw Refusal.detail(Refusal.Kind.UPSTREAM_FAILED, NOT_STORED);
        } catch (ProviderBusy e) {
            throw Refusal.detail(Refusal.Kind.UNAVAILABLE, NOT_ANSWERING).retryAfter(e.retryAfterSeconds());
        }
        if (!(secureUrl instanceof String url) || !MediaStore.isUrl(url)) {
            log.error("Cloudinary answered the upload of {}/{} without a secure_url", folder, name);
            throw Refusal.detail(Refusal.Kind.UPSTREAM_FAILED, NOT_STORED);
        }
        return url;
    }

    @Override
    public void remove(String stored) {
        String publicId = publicId(stored);
        if (publicId == null) {
            return;
        }
        Map<String, Object> options = options("invalidate", true);
        gates.call(Provider.CLOUDINARY, () -> {
            Object result;
            try {
                result = uploader.destroy(publicId, options).get("result");
            } catch (IOException | RuntimeException e) {
                throw new ProviderFailed("Cloudinary could not destroy " + publicId + ": " + e, false, e);
            }
            if (!"ok".equals(result) && !"not found".equals(result)) {
                throw new ProviderFailed("Cloudinary did not destroy " + publicId + ": " + result, false, null);
            }
            return result;
        });
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

    /** The options of every call, and these. */
    private Map<String, Object> options(Object... more) {
        Map<String, Object> options = ObjectUtils.asMap(more);
        options.putAll(ObjectUtils.asMap("resource_type", "image", "connect_timeout", (int) gates.connectTimeout().toMillis(),
                "timeout", (int) gates.timeout().toMillis()));
        return options;
    }
}
