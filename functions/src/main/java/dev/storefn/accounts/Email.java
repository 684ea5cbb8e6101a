package dev.storefn.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form, made once and used for storing, signing in, throttling and
 * uniqueness alike. Compatibility forms are folded (NFKC: full-width {@code ａｌｉｃｅ} is {@code alice}); what
 * remains must be plain ASCII, so no address can be told from another only by a letter from another script, a
 * zero-width or a look-alike character ({@code alİce}, a Cyrillic {@code а}), and lower-casing it in Java
 * agrees with PostgreSQL's {@code lower()}, which the unique index uses. The domain is lower-cased as Django
 * does; {@link #key()} is the whole address lower-cased, what accounts are found and counted by.
 */
record Email(String stored) {

    static final int MAX_LENGTH = 254;
    /** What the wire accepts before canonicalising: one {@code @} with something on either side. */
    static final String PATTERN = "[^@\\s]+@[^@\\s]+";
    static final String INVALID = "Enter a valid email address.";
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ASCII = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    /** The canonical address; empty when it is no address, or not one that reads the same to everyone. */
    static Optional<Email> of(String given) {
        if (given == null || given.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(given.strip(), Normalizer.Form.NFKC);
        if (folded.length() > MAX_LENGTH || !ASCII.matcher(folded).matches()) {
            return Optional.empty();
        }
        int at = folded.lastIndexOf('@');
        return Optional.of(new Email(folded.substring(0, at + 1) + folded.substring(at + 1).toLowerCase(Locale.ROOT)));
    }

    /** The address as accounts are found and counted by: lower case, as the unique index compares. */
    String key() {
        return stored.toLowerCase(Locale.ROOT);
    }
}
