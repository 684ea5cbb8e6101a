package dev.storefn.accounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storefn.platform.operation.Refusal;

/** What staff and operators may do to accounts: create staff (like {@code createsuperuser}), block and erase users. */
@Service
public class StaffAccounts {

    private final UserRepository users;
    private final PasswordHasher passwords;

    StaffAccounts(UserRepository users, PasswordHasher passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /** Creates a staff account, or makes an existing account staff with this password; true when created. */
    @Transactional
    public boolean createOrPromote(String given, String password) {
        Email email = Email.of(given).orElseThrow(() -> new IllegalArgumentException(Email.INVALID));
        if (password.length() < Register.MIN_PASSWORD || password.length() > Register.MAX_PASSWORD) {
            throw new IllegalArgumentException("The password needs " + Register.MIN_PASSWORD + " to " + Register.MAX_PASSWORD + " characters.");
        }
        String hash = passwords.hash(password);
        return users.findByEmail(email).map(existing -> {
            users.makeStaff(existing.id(), hash);
            return false;
        }).orElseGet(() -> {
            users.insert(email.stored(), hash, "", "", null, true);
            return true;
        });
    }

    /** Flips a user's block; the new value. Staff cannot block themselves. */
    public boolean toggleBlock(long staffId, long userId) {
        if (staffId == userId) {
            throw Refusal.refused("You cannot block your own account.");
        }
        return users.toggleBlock(userId).orElseThrow(() -> Refusal.notFound("User"));
    }

    /**
     * Erases a user's personal data and keeps the account's row for its orders. Its tokens stop working, since
     * an erased account is not found. Staff cannot erase themselves. What other features keep of the user is
     * theirs to remove, in the same transaction.
     */
    public void erase(long staffId, long userId) {
        if (staffId == userId) {
            throw Refusal.refused("You cannot delete your own account.");
        }
        if (!users.erase(userId)) {
            throw Refusal.notFound("User");
        }
    }
}
