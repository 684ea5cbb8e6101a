package dev.storefn.platform.format;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Absolute URLs that storefn hands out: links between pages of a list and locally stored media.
 * {@code PUBLIC_BASE_URL} (for example {@code https://shop.example.com}) is the address browsers use.
 */
@Component
public class PublicUrls {

    private final String base;
    private final String mediaBase;

    public PublicUrls(@Value("${PUBLIC_BASE_URL:}") String publicBaseUrl, @Value("${PORT:8000}") int port,
            @Value("${MEDIA_BASE_URL:}") String mediaBaseUrl) {
        this.base = publicBaseUrl.isBlank() ? "http://localhost:" + port : StringUtils.trimTrailingCharacter(publicBaseUrl.trim(), '/');
        this.mediaBase = mediaBaseUrl.isBlank() ? base + "/media/" : withSlash(mediaBaseUrl.trim());
    }

    /** Where a file stored under the media root is served, e.g. {@code http://localhost:8000/media/products/x.svg}. */
    public String media(String relativePath) {
        return mediaBase + (relativePath.startsWith("/") ? relativePath.substring(1) : relativePath);
    }

    /**
     * Where links point: the configured address, else this machine's. Never the {@code Host} or
     * {@code X-Forwarded-Proto} a request names: a client could make the links it is given point anywhere.
     */
    public String base() {
        return base;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
