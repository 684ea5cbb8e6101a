package dev.storefn.platform.operation;

/**
 * What a person's name may hold ({@link Field#pattern()} of name fields): anything but the invisible characters
 * that turn text around or hide in it (bidirectional controls such as the right-to-left override, zero-width
 * spaces, the byte order mark), which make a name read as another in the panel and in order lists. Joiners
 * stay: scripts such as Malayalam and Devanagari need them.
 */
public final class Names {

    private static final String HIDDEN = "\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF";
    public static final String PATTERN = "[^" + HIDDEN + "]*";
    public static final String INVALID = "Names may not hold invisible or direction-changing characters.";

    private Names() {
    }

    /** The name without such characters (a name another service vouches for, such as Google's). */
    public static String withoutHiddenCharacters(String name) {
        return name == null ? null : name.replaceAll("[" + HIDDEN + "]", "");
    }
}
