package dev.storefn.panel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.platform.operation.Doc;

/** {@link AdminUserListItem}'s fields and every order of the user. */
record AdminUserDetail(@Doc(value = "The user's id", example = "7") long id,
        @Doc(value = "The sign-in email", example = "asha@example.com") String email,
        @Doc(value = "First and last name, or the email's local part when both are empty", example = "Asha Menon") String name,
        @Doc(value = "Profile picture URL from Google; null for email accounts", example = "https://lh3.googleusercontent.com/a/photo",
                nullable = true) String picture,
        @Doc(value = "`admin` for staff, else `user`", example = "user", allowed = {"admin", "user"}) String role,
        @Doc(value = "Whether the account is blocked: it cannot sign in, and its tokens are refused", example = "false")
        @JsonProperty("isBlock") boolean isBlock,
        @Doc("Every order of the user, newest first") List<OrderMini> orders) {

    AdminUserDetail(AdminUserListItem user, List<OrderMini> orders) {
        this(user.id(), user.email(), user.name(), user.picture(), user.role(), user.isBlock(), orders);
    }
}
