package dev.storefn.addresses;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Refusal;

/** {@code DELETE /api/orders/addresses/{address_id}/}: orders keep their own copy of where they shipped. */
@Component
public class DeleteAddress implements Function<DeleteAddress.Input, Message> {

    record Input(Caller caller, @Doc(value = "The address's id (one of the caller's)", example = "12") long addressId) {
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
