package dev.storefn.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs as Django's {@code slugify} makes them (ASCII-folded, lower-case, letters, digits, underscores and
 * hyphens), then cut to the column's {@value #MAX_LENGTH} characters, which Django forgot, with room for the
 * {@code -1}, {@code -2}, ... that keeps them unique.
 */
final class Slugs {

    static final int MAX_LENGTH = 50;

    // Python's \w and \s over ASCII text: \s includes the information separators \x1c to \x1f.
    private static final Pattern NOT_SLUG = Pattern.compile("[^A-Za-z0-9_\\t\\n\\x0B\\f\\r\\x1C-\\x1F -]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\t\\n\\x0B\\f\\r\\x1C-\\x1F -]+");
    private static final Pattern EDGES = Pattern.compile("^[-_]+|[-_]+$");

    private Slugs() {
    }

    /** Django's {@code slugify(value)}; empty when nothing of the value survives. */
    static String slugify(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String kept = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
        return EDGES.matcher(SEPARATORS.matcher(kept).replaceAll("-")).replaceAll("");
    }

    /**
     * What every candidate up to {@code base-999999999} starts with: the base cut for the longest suffix. A
     * longer cut only ever adds characters, since trimming takes separators from the end alone.
     */
    static String sharedPrefix(String base) {
        String head = base.length() <= MAX_LENGTH - 10 ? base : base.substring(0, MAX_LENGTH - 10);
        return EDGES.matcher(head).replaceAll("");
    }

    /** The {@code n}th slug to try for {@code base}: the base itself, then {@code base-1}, {@code base-2}, ... */
    static String candidate(String base, int n) {
        String suffix = n == 0 ? "" : "-" + n;
        String head = base.length() + suffix.length() <= MAX_LENGTH ? base : base.substring(0, MAX_LENGTH - suffix.length());
        // A cut may end on a separator; "a-b--1" is not what slugify would make.
        return EDGES.matcher(head).replaceAll("") + suffix;
    }
}
