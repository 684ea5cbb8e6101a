package dev.storefn.addresses;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.operation.WholeBody;

/** {@code POST /api/orders/addresses/}: a new address in the caller's book. */
@Component
@Transaction(ONE)
class CreateAddress implements Function<CreateAddress.Input, Address> {

    record Input(Caller caller, @WholeBody NewAddress address) {
    }

    private final AddressBook book;

    CreateAddress(AddressBook book) {
        this.book = book;
    }

    @Override
    public Address apply(Input input) {
        return book.save(input.caller().userId(), input.address());
    }
}
