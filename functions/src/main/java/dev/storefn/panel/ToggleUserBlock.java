package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Transaction;

/** {@code POST /api/panel/users/{id}/toggle-block/}: {@code {"status": "success", "isBlock": ...}}. */
@Component
@Transaction(ONE)
class ToggleUserBlock implements Function<ToggleUserBlock.Input, ToggleUserBlock.Toggled> {

    @Doc("A blocked user cannot sign in, and every request with their tokens is refused (401) until unblocked.")
    record Input(Caller caller, @Doc(value = "The user's id (not the caller's own: 400)", example = "7") @Path long id) {
    }

    record Toggled(@Doc(value = "Always `success`", example = "success", allowed = "success") String status,
            @Doc(value = "Whether the user is blocked now", example = "true") @JsonProperty("isBlock") boolean isBlock) {
    }

    private final StaffAccounts accounts;

    ToggleUserBlock(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Toggled apply(Input input) {
        return new Toggled("success", accounts.toggleBlock(input.caller().userId(), input.id()));
    }
}
