package dev.storefn.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as Django takes them: validated loosely, the domain part lower-cased. */
final class Emails {

    static final int MAX_LENGTH = 254;
    static final String PATTERN = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";
    static final String INVALID = "Enter a valid email address.";
    private static final Pattern EMAIL = Pattern.compile(PATTERN);

    private Emails() {
    }

    static boolean valid(String email) {
        return email.length() <= MAX_LENGTH && EMAIL.matcher(email).matches();
    }

    static String normalise(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
