package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/me/}: the signed-in user. */
@Component
@Transaction(NONE)
class Me implements Function<Me.Input, UserView> {

    record Input(Caller caller) {
    }

    private final UserRepository users;

    Me(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserView apply(Input input) {
        return users.findById(input.caller().userId())
                .map(User::view)
                .orElseThrow(() -> SessionGate.notAuthenticated("User not found", "user_not_found"));
    }
}
