package dev.storefn.platform.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.storefn.platform.access.SessionCookies;
import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.wire.Json;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Writes an operation's output as the route's success: JSON (a listing as a bare array or a page envelope
 * with its links), a document as it is, and the cookies the output calls for in cookie mode.
 */
@Component
class SuccessWriter {

    /** DRF's page envelope. */
    record PageEnvelope(long count, String next, String previous, List<?> results) {
    }

    private final Json json;
    private final PublicUrls urls;
    private final SingletonSupplier<SessionCookies> cookies;

    SuccessWriter(Json json, PublicUrls urls, ObjectProvider<SessionCookies> cookies) {
        this.json = json;
        this.urls = urls;
        this.cookies = SingletonSupplier.of(cookies::getIfAvailable);
    }

    WireResponse write(Route route, Object output, WireRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        if (output instanceof Document document) {
            headers.put("Content-Type", List.of(document.mediaType()));
            if (document.contentSecurityPolicy() != null) {
                headers.put("Content-Security-Policy", List.of(document.contentSecurityPolicy()));
            }
            body = document.content();
        } else if (route.success() != Route.Success.NO_CONTENT && output != null) {
            headers.put("Content-Type", List.of(WireResponse.JSON));
            body = json.write(output instanceof Listing<?> listing ? listed(listing, request) : output);
        }
        SessionCookies session = cookies.get();
        List<String> setCookies = session == null || output == null ? List.of() : session.cookiesFor(output);
        if (!setCookies.isEmpty()) {
            headers.put("Set-Cookie", new ArrayList<>(setCookies));
        }
        return new WireResponse(route.success().status(), headers, body);
    }

    private Object listed(Listing<?> listing, WireRequest request) {
        if (!listing.paged()) {
            return listing.items();
        }
        int page = listing.paging().number();
        return new PageEnvelope(listing.count(), listing.hasNext() ? pageLink(request, page + 1) : null,
                page > 1 ? pageLink(request, page - 1) : null, listing.items());
    }

    private String pageLink(WireRequest request, int page) {
        Map<String, List<String>> query = new LinkedHashMap<>(request.query());
        query.remove("page");
        if (page > 1) {
            query.put("page", List.of(Integer.toString(page)));
        }
        String encoded = QueryStrings.encode(query);
        return urls.base() + request.path()
                + (encoded.isEmpty() ? "" : "?" + encoded);
    }
}
