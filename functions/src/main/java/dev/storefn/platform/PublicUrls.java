package dev.storefn.platform;

import java.util.List;
import java.util.Map;

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

    /** An absolute link to {@code path} with {@code query}, on the host the request came to unless configured. */
    public String link(ApiRequest request, String path, Map<String, List<String>> query) {
        String base = configuredBase;
        if (base == null) {
            String host = request.header("host");
            String scheme = request.header("x-forwarded-proto");
            base = (scheme == null ? "http" : scheme) + "://" + (host == null ? "localhost" : host);
        }
        String encoded = ApiRequest.encodeQuery(query);
        return base + path + (encoded.isEmpty() ? "" : "?" + encoded);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
