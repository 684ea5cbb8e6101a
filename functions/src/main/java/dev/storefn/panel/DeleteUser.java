package dev.storefn.panel;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.accounts.StaffAccounts;
import dev.storefn.addresses.AddressBook;
import dev.storefn.cart.Carts;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code DELETE /api/panel/users/{id}/delete/}: {@code {"status": "deleted"}}. Unlike the original, which deleted
 * the user with their orders, the account is erased and its orders stay for the books; its cart, wishlist and
 * addresses go. The route's transaction holds it all together.
 */
@Component
@Transaction(ONE)
class DeleteUser implements Function<DeleteUser.Input, DeleteUser.Deleted> {

    record Input(Caller caller, @Doc(value = "The user's id (not the caller's own: 400)", example = "7") @Path long id) {
    }

    record Deleted(@Doc(value = "Always `deleted`", example = "deleted", allowed = "deleted") String status) {
    }

    private final StaffAccounts accounts;
    private final Carts carts;
    private final AddressBook addresses;

    DeleteUser(StaffAccounts accounts, Carts carts, AddressBook addresses) {
        this.accounts = accounts;
        this.carts = carts;
        this.addresses = addresses;
    }

    @Override
    public Deleted apply(Input input) {
        accounts.erase(input.caller().userId(), input.id());
        carts.forget(input.id());
        addresses.forget(input.id());
        return new Deleted("deleted");
    }
}
