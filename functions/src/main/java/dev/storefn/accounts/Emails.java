package dev.storefn.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.storefn.platform.Fields;

/** Email addresses as Django takes them: validated loosely, the domain part lower-cased. */
final class Emails {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private Emails() {
    }

    /** The {@code email} field of a request body, or null with the field's error recorded. */
    static String field(Fields fields) {
        String email = fields.requiredString("email", "This field is required.", 254);
        if (email != null && !valid(email)) {
            return fields.error("email", "Enter a valid email address.");
        }
        return email;
    }

    static boolean valid(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static String normalise(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
