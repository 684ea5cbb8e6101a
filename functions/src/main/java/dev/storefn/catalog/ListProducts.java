package dev.storefn.catalog;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Listing;
import dev.storefn.platform.operation.Paging;
import dev.storefn.platform.operation.Query;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code GET /api/products/}: every product that passes the filters, newest first: a bare array as in the
 * original, or one page with {@code page} or {@code page_size}. One query either way.
 */
@Component
@Transaction(NONE)
class ListProducts implements Function<ListProducts.Input, Listing<ProductView>> {

    // DRF's search_smart_split: quoted phrases stay whole, otherwise split on whitespace and commas.
    private static final Pattern SEARCH_TERM = Pattern.compile("\"([^\"]*)\"|'([^']*)'|([^\\s,]+)");

    record Input(
            @Doc(value = "Words every product must have in its name or description, in any case; split on spaces and commas,"
                    + " \"quoted phrases\" kept whole; the first 10 count", example = "batman tee") @Query String search,
            @Doc(value = "Only this department (in any case; another value matches nothing)", example = "men", allowed = {"men", "women"})
            @Query String category,
            @Doc(value = "Only products at this price or more", example = "500") @Query BigDecimal minPrice,
            @Doc(value = "Only products at this price or less", example = "1500") @Query BigDecimal maxPrice,
            Paging paging) {

        Input {
            paging = paging == null ? Paging.NONE : paging;
        }
    }

    private final ProductRepository products;
    private final ProductViews views;

    ListProducts(ProductRepository products, ProductViews views) {
        this.products = products;
        this.views = views;
    }

    @Override
    public Listing<ProductView> apply(Input input) {
        ProductFilter filter = new ProductFilter(searchTerms(input.search()),
                input.category() == null ? null : input.category().toLowerCase(Locale.ROOT), input.minPrice(), input.maxPrice());
        Paging paging = input.paging();
        if (!paging.requested()) {
            return Listing.all(products.search(filter, null, 0).products().stream().map(views::view).toList());
        }
        ProductRepository.Slice slice = products.search(filter, paging.size(), paging.offset());
        return Listing.page(slice.products().stream().map(views::view).toList(), slice.total(), paging);
    }

    static final int MAX_SEARCH_TERMS = 10;

    static List<String> searchTerms(String search) {
        List<String> terms = new ArrayList<>();
        if (search == null) {
            return terms;
        }
        Matcher matcher = SEARCH_TERM.matcher(search);
        while (matcher.find()) {
            String term = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            for (String part : term.split(",")) {
                if (!part.isBlank()) {
                    terms.add(part.strip());
                }
                // Each term is one more pattern every product is matched against: a bound on the work one request asks.
                if (terms.size() == MAX_SEARCH_TERMS) {
                    return terms;
                }
            }
        }
        return terms;
    }
}
