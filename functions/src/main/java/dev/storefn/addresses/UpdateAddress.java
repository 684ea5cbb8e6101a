package dev.storefn.addresses;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.operation.WholeBody;

/** {@code PATCH /api/orders/addresses/{address_id}/}: changes the fields given, under the same rules. */
@Component
@Transaction(ONE)
class UpdateAddress implements Function<UpdateAddress.Input, Address> {

    record Input(Caller caller, @Doc(value = "The address's id (one of the caller's)", example = "12") @Path long addressId,
            @WholeBody(partial = true) NewAddress changes) {
    }

    private final AddressRepository addresses;

    UpdateAddress(AddressRepository addresses) {
        this.addresses = addresses;
    }

    @Override
    public Address apply(Input input) {
        return addresses.update(input.caller().userId(), input.addressId(), input.changes())
                .orElseThrow(() -> Refusal.notFound("Address"));
    }
}
