package dev.storefn.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The product list's filters: every search term must match the name or the description. */
record ProductFilter(List<String> searchTerms, String category, BigDecimal minPrice, BigDecimal maxPrice) {
}
