package dev.storefn.addresses;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Transaction;

/** {@code GET /api/orders/addresses/}: the caller's addresses, newest first. One query. */
@Component
@Transaction(NONE)
class ListAddresses implements Function<ListAddresses.Input, List<Address>> {

    record Input(Caller caller) {
    }

    private final AddressRepository addresses;

    ListAddresses(AddressRepository addresses) {
        this.addresses = addresses;
    }

    @Override
    public List<Address> apply(Input input) {
        return addresses.list(input.caller().userId());
    }
}
