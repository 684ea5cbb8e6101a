package dev.storefn.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.PublicUrls;

/**
 * {@code GET /api/products/}: a bare array as in the original; with {@code page} or {@code page_size}
 * the {@code {count, next, previous, results}} envelope.
 */
@Component("listProducts")
class ListProducts implements Function<ApiRequest, ApiResponse> {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    // DRF's search_smart_split: quoted phrases stay whole, otherwise split on whitespace and commas.
    private static final Pattern SEARCH_TERM = Pattern.compile("\"([^\"]*)\"|'([^']*)'|([^\\s,]+)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final ProductRepository products;
    private final ProductViews views;
    private final PublicUrls urls;

    ListProducts(ProductRepository products, ProductViews views, PublicUrls urls) {
        this.products = products;
        this.views = views;
        this.urls = urls;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        ProductFilter filter = filter(request);
        String page = request.queryParameter("page");
        String pageSize = request.queryParameter("page_size");
        if (page == null && pageSize == null) {
            return ApiResponse.ok(products.search(filter, null, 0).products().stream().map(views::view).toList());
        }
        int pageNumber = positive("page", page, 1, Integer.MAX_VALUE);
        int size = positive("page_size", pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        long offset = (long) (pageNumber - 1) * size;
        if (offset > Integer.MAX_VALUE) {
            throw ApiException.detail(404, "Invalid page.");
        }
        ProductRepository.Slice slice = products.search(filter, size, (int) offset);
        if (slice.products().isEmpty() && pageNumber > 1) {
            throw ApiException.detail(404, "Invalid page.");
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("count", slice.total());
        envelope.put("next", offset + size < slice.total() ? pageLink(request, pageNumber + 1) : null);
        envelope.put("previous", pageNumber > 1 ? pageLink(request, pageNumber - 1) : null);
        envelope.put("results", slice.products().stream().map(views::view).toList());
        return ApiResponse.ok(envelope);
    }

    static ProductFilter filter(ApiRequest request) {
        String category = request.queryParameter("category");
        return new ProductFilter(searchTerms(request.queryParameter("search")),
                category == null || category.isEmpty() ? null : category.toLowerCase(Locale.ROOT),
                price("min_price", request.queryParameter("min_price")),
                price("max_price", request.queryParameter("max_price")));
    }

    static List<String> searchTerms(String search) {
        List<String> terms = new ArrayList<>();
        if (search == null) {
            return terms;
        }
        Matcher matcher = SEARCH_TERM.matcher(search.replace("\u0000", ""));
        while (matcher.find()) {
            String term = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            for (String part : term.split(",")) {
                if (!part.isBlank()) {
                    terms.add(part.strip());
                }
            }
        }
        return terms;
    }

    private static BigDecimal price(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String trimmed = raw.strip();
        if (!DECIMAL.matcher(trimmed).matches() || trimmed.length() > 32) {
            throw ApiException.invalid(name, "A valid number is required.");
        }
        return new BigDecimal(trimmed);
    }

    private static int positive(String name, String raw, int absent, int max) {
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "A valid positive integer is required.");
        }
        if (value < 1) {
            throw ApiException.invalid(name, "A valid positive integer is required.");
        }
        return Math.min(value, max);
    }

    private String pageLink(ApiRequest request, int pageNumber) {
        Map<String, List<String>> query = new LinkedHashMap<>(request.query());
        query.remove("page");
        if (pageNumber > 1) {
            query.put("page", List.of(Integer.toString(pageNumber)));
        }
        return urls.link(request, request.path(), query);
    }
}
