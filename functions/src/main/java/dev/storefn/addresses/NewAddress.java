package dev.storefn.addresses;

import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Names;

/**
 * An address as a shopper enters it, with the original serializer's rules and words: trimmed, blank refused,
 * the lengths of each field, a 10-digit phone and a 6-digit pincode. Orders take one inline in this shape too.
 */
public record NewAddress(
        @Doc(value = "Who receives the parcel: 2 to 100 characters", example = "Asha Menon")
        @Field(missing = "Full name is required.", minLength = 2, tooShort = "Full name must be at least 2 characters.",
                maxLength = 100, tooLong = "Full name cannot exceed 100 characters.", pattern = Names.PATTERN, mismatch = Names.INVALID)
        String fullName,
        @Doc(value = "Exactly 10 digits", example = "9876543210")
        @Field(missing = "Phone number is required.", pattern = "[0-9]{10}", mismatch = "Phone number must be exactly 10 digits.")
        String phone,
        @Doc(value = "House, street and area: 5 to 255 characters", example = "12 MG Road, Indiranagar")
        @Field(missing = "Street address is required.", minLength = 5, tooShort = "Street address must be at least 5 characters.",
                maxLength = 255) String street,
        @Doc(value = "2 to 100 characters", example = "Bengaluru")
        @Field(missing = "City is required.", minLength = 2, tooShort = "City must be at least 2 characters.", maxLength = 100)
        String city,
        @Doc(value = "Exactly 6 digits", example = "560038")
        @Field(missing = "Pincode is required.", pattern = "[0-9]{6}", mismatch = "Pincode must be exactly 6 digits.") String pincode) {
}
