package dev.storefn.addresses;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.storefn.platform.operation.Refusal;

/**
 * What other features may do with the address book: find one of a user's addresses, save a new one (orders
 * save an inline address once the order commits), and forget a user's book when the account is erased. A book
 * holds at most {@value #MAX_ADDRESSES}.
 */
@Service
public class AddressBook {

    static final int MAX_ADDRESSES = 50;

    private final AddressRepository addresses;

    AddressBook(AddressRepository addresses) {
        this.addresses = addresses;
    }

    public Optional<Address> find(long userId, long addressId) {
        return addresses.find(userId, addressId);
    }

    /** Saves an address given inline with an order, unless the book is full; an order never fails for that. */
    public Optional<Address> saveIfRoom(long userId, NewAddress address) {
        return addresses.lockAndCount(userId) >= MAX_ADDRESSES ? Optional.empty() : Optional.of(addresses.insert(userId, address));
    }

    /** Saves a new address; must run in a transaction, which keeps concurrent saves from passing the bound together. */
    public Address save(long userId, NewAddress address) {
        if (addresses.lockAndCount(userId) >= MAX_ADDRESSES) {
            throw Refusal.refused("An address book holds at most " + MAX_ADDRESSES + " addresses. Delete one to add another.");
        }
        return addresses.insert(userId, address);
    }

    /** Removes every address of the user; orders keep their own copy of where they shipped. */
    public void forget(long userId) {
        addresses.deleteAll(userId);
    }
}
