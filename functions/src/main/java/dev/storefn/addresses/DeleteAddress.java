package dev.storefn.addresses;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code DELETE /api/orders/addresses/{address_id}/}: orders keep their own copy of where they shipped. */
@Component
@Transaction(ONE)
class DeleteAddress implements Function<DeleteAddress.Input, Message> {

    record Input(Caller caller, @Doc(value = "The address's id (one of the caller's)", example = "12") @Path long addressId) {
    }

    private final AddressRepository addresses;

    DeleteAddress(AddressRepository addresses) {
        this.addresses = addresses;
    }

    @Override
    public Message apply(Input input) {
        if (!addresses.delete(input.caller().userId(), input.addressId())) {
            throw Refusal.notFound("Address");
        }
        return new Message("Address deleted");
    }
}
