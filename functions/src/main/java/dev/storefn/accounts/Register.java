package dev.storefn.accounts;

import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.Fields;
import dev.storefn.platform.RequestBody;

/** {@code POST /api/register/}: 201 with the user and a token pair. */
@Component("register")
class Register implements Function<ApiRequest, ApiResponse> {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    static final String TAKEN = "This field must be unique.";

    private final RequestBody body;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionStart sessions;

    Register(RequestBody body, UserRepository users, PasswordHasher passwords, SessionStart sessions) {
        this.body = body;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        Fields fields = body.fields(request);
        String email = Emails.field(fields);
        String password = fields.rawString("password", "This field is required.");
        if (password != null && password.length() < MIN_PASSWORD) {
            fields.error("password", "Ensure this field has at least " + MIN_PASSWORD + " characters.");
        } else if (password != null && password.length() > MAX_PASSWORD) {
            fields.error("password", "Ensure this field has no more than " + MAX_PASSWORD + " characters.");
        }
        String firstName = fields.optionalString("first_name", 30, "");
        String lastName = fields.optionalString("last_name", 30, "");
        if (email != null && users.findByEmail(email).isPresent()) {
            fields.error("email", TAKEN);
        }
        fields.check();
        try {
            User user = users.insert(Emails.normalise(email), passwords.hash(password), firstName, lastName, null, false);
            return sessions.start(201, user);
        } catch (DuplicateKeyException raced) {
            throw ApiException.invalid("email", TAKEN);
        }
    }
}
