package dev.storefn.panel;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.storefn.accounts.StaffAccounts;
import dev.storefn.platform.operation.Caller;

/** {@code POST /api/panel/users/{id}/toggle-block/}: {@code {"status": "success", "isBlock": ...}}. */
@Component
public class ToggleUserBlock implements Function<ToggleUserBlock.Input, ToggleUserBlock.Toggled> {

    record Input(Caller caller, long id) {
    }

    record Toggled(String status, @JsonProperty("isBlock") boolean isBlock) {
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
