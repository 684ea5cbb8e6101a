package dev.storefn.accounts;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.Refusal;

/** What staff and operators may do to accounts: create staff (like {@code createsuperuser}), block and erase users. */
@Service
public class StaffAccounts {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Sessions sessions;
    private final SessionStart sessionStart;
    private final Transactions transactions;

    StaffAccounts(UserRepository users, PasswordHasher passwords, Sessions sessions, SessionStart sessionStart,
            Transactions transactions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.sessionStart = sessionStart;
        this.transactions = transactions;
    }

    /**
     * An access token of a new session of this account, without its password: for an operator's local tools
     * ({@code invoke --as}), who hold the database and the signing key anyway.
     */
    public String signInAs(String email) {
        User user = Email.of(email).flatMap(users::findByEmail).filter(User::active)
                .orElseThrow(() -> new IllegalArgumentException("No account with the address " + email + " in this database"));
        return sessionStart.start(user, null).access();
    }

    /** What {@code create-staff} did. */
    public enum Outcome {
        CREATED, RESET
    }

    /** What is wrong with a staff account's address, if anything: an operator's command checks before it starts anything. */
    public static Optional<String> addressProblem(String email) {
        return Email.of(email).isPresent() ? Optional.empty() : Optional.of("The email address is refused: " + Email.INVALID);
    }

    /** What is wrong with a password, if anything, in the words sign-up uses when it refuses one. */
    public static Optional<String> passwordProblem(String password) {
        String problem = password.length() < Register.MIN_PASSWORD ? "Ensure this field has at least " + Register.MIN_PASSWORD + " characters."
                : password.length() > Register.MAX_PASSWORD ? "Ensure this field has no more than " + Register.MAX_PASSWORD + " characters."
                : password.isBlank() ? Register.BLANK_PASSWORD : null;
        return Optional.ofNullable(problem).map(words -> "The password is refused: " + words);
    }

    /**
     * Creates a staff account. An account with this address exists already: with {@code resetPassword} it is made
     * staff with this password and every session it has ends (whoever held them must sign in again); without,
     * it is refused, so that an operator's typo never takes over someone's account unnoticed.
     */
    public Outcome createOrReset(String given, String password, boolean resetPassword) {
        addressProblem(given).or(() -> passwordProblem(password)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Email email = Email.of(given).orElseThrow();
        String hash = passwords.hash(password);
        return transactions.inOne(() -> {
            Optional<User> existing = users.findByEmail(email);
            if (existing.isPresent() && !resetPassword) {
                throw new IllegalArgumentException("An account with the address " + email.stored() + " exists: run again with"
                        + " --reset-password to make it staff with this password (every session it has ends).");
            }
            if (existing.isPresent()) {
                users.makeStaff(existing.get().id(), hash);
                sessions.endAll(existing.get().id());
                return Outcome.RESET;
            }
            users.insert(email.stored(), hash, "", "", null, true);
            return Outcome.CREATED;
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
