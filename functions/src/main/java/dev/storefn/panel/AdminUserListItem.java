package dev.storefn.panel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user as the panel lists them: the original's camel-case {@code isBlock} and an {@code admin}/{@code user} role. */
record AdminUserListItem(long id, String email, String name, String picture, String role, @JsonProperty("isBlock") boolean isBlock) {

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
