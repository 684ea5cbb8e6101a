package dev.storefn.panel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@link AdminUserListItem}'s fields and every order of the user. */
record AdminUserDetail(long id, String email, String name, String picture, String role, @JsonProperty("isBlock") boolean isBlock,
        List<OrderMini> orders) {

    AdminUserDetail(AdminUserListItem user, List<OrderMini> orders) {
        this(user.id(), user.email(), user.name(), user.picture(), user.role(), user.isBlock(), orders);
    }
}
