package dev.storefn.panel;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.platform.operation.Doc;

/** A user as the panel lists them: the original's camel-case {@code isBlock} and an {@code admin}/{@code user} role. */
record AdminUserListItem(@Doc(value = "The user's id", example = "7") long id,
        @Doc(value = "The sign-in email", example = "asha@example.com") String email,
        @Doc(value = "First and last name, or the email's local part when both are empty", example = "Asha Menon") String name,
        @Doc(value = "Profile picture URL from Google; null for email accounts", example = "https://lh3.googleusercontent.com/a/photo",
                nullable = true) String picture,
        @Doc(value = "`admin` for staff, else `user`", example = "user", allowed = {"admin", "user"}) String role,
        @Doc(value = "Whether the account is blocked: it cannot sign in, and its tokens are refused", example = "false")
        @JsonProperty("isBlock") boolean isBlock) {

    /** The original's rules: the full name, else the email's local part; staff are admins. */
    static AdminUserListItem of(long id, String email, String firstName, String lastName, String picture, boolean staff,
            boolean blocked) {
        String name = (firstName + " " + lastName).strip();
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return new AdminUserListItem(id, email, name, picture, staff ? "admin" : "user", blocked);
    }
}
