package dev.storefn.accounts;

import dev.storefn.platform.operation.Doc;

/** The User representation of the original API: six fields. */
record UserView(@Doc(value = "The user's id", example = "7") long id,
        @Doc(value = "The sign-in email", example = "asha@example.com") String email,
        @Doc(value = "First name; may be empty", example = "Asha") String firstName,
        @Doc(value = "Last name; may be empty", example = "Menon") String lastName,
        @Doc(value = "Profile picture URL from Google; null for email accounts, empty when Google had none",
                example = "https://lh3.googleusercontent.com/a/photo", nullable = true) String picture,
        @Doc(value = "Whether the user is staff: the storefront shows the admin pages", example = "false") boolean isStaff) {
}
