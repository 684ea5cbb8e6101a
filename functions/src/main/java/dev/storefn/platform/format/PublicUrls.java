package dev.storefn.platform.format;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute URLs that storefn hands out: links between pages of a list and locally stored media.
 * {@code PUBLIC_BASE_URL} (for example {@code https://shop.example.com}) is the address browsers use.
 */
@Component
public class PublicUrls {

    private final String configuredBase;
    private final String mediaBase;

    public PublicUrls(@Value("${PUBLIC_BASE_URL:}") String publicBaseUrl, @Value("${PORT:8000}") int port,
            @Value("${MEDIA_BASE_URL:}") String mediaBaseUrl) {
        this.configuredBase = publicBaseUrl.isBlank() ? null : stripSlash(publicBaseUrl.trim());
        String base = configuredBase != null ? configuredBase : "http://localhost:" + port;
        this.mediaBase = mediaBaseUrl.isBlank() ? base + "/media/" : withSlash(mediaBaseUrl.trim());
    }

    /** Where a file stored under the media root is served, e.g. {@code http://localhost:8000/media/products/x.svg}. */
    public String media(String relativePath) {
        return mediaBase + (relativePath.startsWith("/") ? relativePath.substring(1) : relativePath);
    }

    /** Where links point: the configured address, else the host (and forwarded scheme) a request came to. */
    public String base(String host, String forwardedProto) {
        if (configuredBase != null) {
            return configuredBase;
        }
        return (forwardedProto == null ? "http" : forwardedProto) + "://" + (host == null ? "localhost" : host);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
