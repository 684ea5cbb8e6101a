package dev.storefn.addresses;

/** The Address representation of the original API. */
public record Address(long id, String fullName, String phone, String street, String city, String pincode) {
}
