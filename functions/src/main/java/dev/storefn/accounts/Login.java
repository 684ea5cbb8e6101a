package dev.storefn.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.ApiException;
import dev.storefn.platform.ApiRequest;
import dev.storefn.platform.ApiResponse;
import dev.storefn.platform.Fields;
import dev.storefn.platform.RateLimiter;
import dev.storefn.platform.RequestBody;

/**
 * {@code POST /api/login/}. Besides the per-address limit on the route, failed attempts are limited per
 * account, so spreading a password guess over many addresses does not help.
 */
@Component("login")
class Login implements Function<ApiRequest, ApiResponse> {

    static final int FAILURES_PER_ACCOUNT = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final RequestBody body;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionStart sessions;
    private final RateLimiter limiter;

    Login(RequestBody body, UserRepository users, PasswordHasher passwords, SessionStart sessions, RateLimiter limiter) {
        this.body = body;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        Fields fields = body.fields(request);
        String email = Emails.field(fields);
        String password = fields.rawString("password", "This field is required.");
        fields.check();

        String failures = "login-failures:" + email.toLowerCase(Locale.ROOT);
        limiter.check(failures, FAILURES_PER_ACCOUNT, FAILURE_WINDOW);
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            passwords.spendTimeOnDecoy(password);
        }
        User user = found.filter(candidate -> passwords.matches(password, candidate.passwordHash()))
                .filter(User::active)
                .orElse(null);
        if (user == null) {
            limiter.count(failures, FAILURE_WINDOW);
            throw ApiException.detail(400, "Invalid credentials");
        }
        if (user.blocked()) {
            throw ApiException.detail(401, TokenAuthenticator.BLOCKED);
        }
        if (passwords.needsUpgrade(user.passwordHash())) {
            users.updatePassword(user.id(), passwords.hash(password));
        }
        return sessions.start(200, user);
    }
}
