package dev.storefn.platform.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.SessionStep;
import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.SessionOutput;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.wire.Json;
import dev.storefn.platform.wire.QueryStrings;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Writes an operation's output as its route's success, the way chosen once per route from the output's type:
 * JSON (a listing as a bare array or a page envelope with its links), a document as it is, nothing for a
 * route without content; and, in cookie mode, the cookies of an output that starts, renews or ends a session.
 */
@Component
class SuccessWriter {

    /** DRF's page envelope. */
    record PageEnvelope(long count, String next, String previous, List<?> results) {
    }

    /** A route's way of writing its operation's output. */
    interface Writer {
        WireResponse write(Object output, WireRequest request);
    }

    private final Json json;
    private final PublicUrls urls;

    SuccessWriter(Json json, PublicUrls urls) {
        this.json = json;
        this.urls = urls;
    }

    Writer forRoute(Route route, SessionStep sessions) {
        Class<?> output = route.output().toClass();
        Writer body = body(route, output, route.success().status());
        Function<Object, List<String>> cookies = cookies(output, sessions);
        if (cookies == null) {
            return body;
        }
        return (result, request) -> body.write(result, request).withHeaders(Map.of("Set-Cookie", cookies.apply(result)));
    }

    private Writer body(Route route, Class<?> output, int status) {
        if (Document.class.isAssignableFrom(output)) {
            return (result, request) -> {
                Document document = (Document) result;
                Map<String, List<String>> headers = new LinkedHashMap<>();
                headers.put("Content-Type", List.of(document.mediaType()));
                if (document.contentSecurityPolicy() != null) {
                    headers.put("Content-Security-Policy", List.of(document.contentSecurityPolicy()));
                }
                return new WireResponse(status, headers, document.content());
            };
        }
        if (route.success() == Route.Success.NO_CONTENT) {
            return (result, request) -> WireResponse.empty(status);
        }
        boolean listing = Listing.class.isAssignableFrom(output);
        return (result, request) -> {
            if (result == null) {
                return WireResponse.empty(status);
            }
            if (listing && ((Listing<?>) result).source() != null) {
                Listing.Source<?> items = ((Listing<?>) result).source();
                return WireResponse.streamed(status, Map.of("Content-Type", List.of(WireResponse.JSON)),
                        out -> json.writeArray(out, items));
            }
            return WireResponse.json(status, json.write(listing ? listed((Listing<?>) result, request) : result));
        };
    }

    /** The cookies of an output that changes the session, in cookie mode; null for every other route. */
    private static Function<Object, List<String>> cookies(Class<?> output, SessionStep sessions) {
        if (sessions == null || !sessions.cookieMode()) {
            return null;
        }
        if (SessionOutput.Started.class.isAssignableFrom(output)) {
            return result -> sessions.cookies((SessionOutput.Started) result);
        }
        if (SessionOutput.Renewed.class.isAssignableFrom(output)) {
            return result -> sessions.cookies((SessionOutput.Renewed) result);
        }
        if (SessionOutput.Ended.class.isAssignableFrom(output)) {
            return result -> sessions.cookies((SessionOutput.Ended) result);
        }
        return null;
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
