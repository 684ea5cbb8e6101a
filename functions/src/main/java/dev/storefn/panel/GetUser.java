package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/panel/users/{id}/}: the user and all their orders, newest first, in one query. */
@Component
@Transaction(NONE)
class GetUser implements Function<GetUser.Input, AdminUserDetail> {

    record Input(@Doc(value = "The user's id", example = "7") @Path long id) {
    }

    private final AdminUserRepository users;

    GetUser(AdminUserRepository users) {
        this.users = users;
    }

    @Override
    public AdminUserDetail apply(Input input) {
        return users.detail(input.id()).orElseThrow(() -> Refusal.notFound("User"));
    }
}
