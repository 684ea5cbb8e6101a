package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Names;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/** {@code POST /api/register/}: the new user and a token pair. */
@Component
@Transaction(ONE)
class Register implements Function<Register.Input, SessionStart.SignedIn> {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    static final String TAKEN = "This field must be unique.";
    static final String BLANK_PASSWORD = "This password is entirely white space.";

    record Input(
            @Doc(value = "The account's email, its sign-in name: unique, compared without regard to case", example = "asha@example.com")
            @Field(maxLength = Email.MAX_LENGTH, pattern = Email.PATTERN, mismatch = Email.INVALID) String email,
            @Doc(value = "8 to 128 characters, not only white space; taken as typed (not trimmed)", example = "correct horse battery")
            @Field(trim = false, minLength = MIN_PASSWORD, maxLength = MAX_PASSWORD) String password,
            @Doc(value = "Optional; empty when left out", example = "Asha")
            @Field(required = false, blank = true, maxLength = 30, pattern = Names.PATTERN, mismatch = Names.INVALID) String firstName,
            @Doc(value = "Optional; empty when left out", example = "Menon")
            @Field(required = false, blank = true, maxLength = 30, pattern = Names.PATTERN, mismatch = Names.INVALID) String lastName,
            ClientNetwork network) {

        Input {
            firstName = firstName == null ? "" : firstName;
            lastName = lastName == null ? "" : lastName;
        }
    }

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionStart sessions;

    Register(UserRepository users, PasswordHasher passwords, SessionStart sessions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    public SessionStart.SignedIn apply(Input input) {
        Email email = Email.of(input.email()).orElseThrow(() -> Refusal.invalid("email", Email.INVALID));
        if (input.password().isBlank()) {
            throw Refusal.invalid("password", BLANK_PASSWORD);
        }
        if (users.findByEmail(email).isPresent()) {
            throw Refusal.invalid("email", TAKEN);
        }
        try {
            User user = users.insert(email.stored(), passwords.hash(input.password()), input.firstName(), input.lastName(), null, false);
            return sessions.start(user, input.network());
        } catch (DuplicateKeyException raced) {
            throw Refusal.invalid("email", TAKEN);
        }
    }
}
