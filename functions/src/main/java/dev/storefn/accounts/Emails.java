package dev.storefn.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as Django takes them: validated loosely, the domain part lower-cased. */
final class Emails {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private Emails() {
    }

    static boolean valid(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static String normalise(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
