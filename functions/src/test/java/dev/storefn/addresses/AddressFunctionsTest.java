package dev.storefn.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.storefn.FunctionsTest;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;

/** The address book's operations called as plain functions, with plain records. */
class AddressFunctionsTest extends FunctionsTest {

    @Autowired
    CreateAddress createAddress;

    @Autowired
    UpdateAddress updateAddress;

    @Autowired
    ListAddresses listAddresses;

    @Test
    void anAddressIsSavedChangedAndListedOnlyForItsOwner() {
        long owner = jdbc.sql("INSERT INTO users (email) VALUES ('book-' || gen_random_uuid() || '@example.com') RETURNING id")
                .query(Long.class).single();
        Caller caller = new Caller(owner, "owner@example.com", false, "session");
        Address saved = createAddress.apply(new CreateAddress.Input(caller,
                new NewAddress("Ada Lovelace", "9876543210", "12 Analytical Row", "London", "560001")));
        Address moved = updateAddress.apply(new UpdateAddress.Input(caller, saved.id(), new NewAddress(null, null, null, "Pune", null)));
        assertThat(moved.city()).isEqualTo("Pune");
        assertThat(moved.street()).isEqualTo("12 Analytical Row");
        assertThat(listAddresses.apply(new ListAddresses.Input(caller))).containsExactly(moved);
        Caller stranger = new Caller(owner + 1000, "stranger@example.com", false, "session");
        assertThatThrownBy(() -> updateAddress.apply(new UpdateAddress.Input(stranger, saved.id(), new NewAddress(null, null, null, "Goa", null))))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }
}
