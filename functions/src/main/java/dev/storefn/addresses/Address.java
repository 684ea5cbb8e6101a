package dev.storefn.addresses;

import dev.storefn.platform.operation.Doc;

/** The Address representation of the original API. */
public record Address(@Doc(value = "The address's id, for `address_id` on order creation", example = "12") long id,
        @Doc(value = "Who receives the parcel", example = "Asha Menon") String fullName,
        @Doc(value = "10 digits", example = "9876543210") String phone,
        @Doc(value = "House, street and area", example = "12 MG Road, Indiranagar") String street,
        @Doc(value = "Town or city", example = "Bengaluru") String city,
        @Doc(value = "6-digit PIN code", example = "560038") String pincode) {
}
