package dev.storefn.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.RateLimiter;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Refusal;

/**
 * {@code POST /api/login/}. Besides the per-address limit on the route, failed attempts are limited per
 * account, so spreading a password guess over many addresses does not help. Its route runs without a
 * transaction: that count must outlive the refusal it ends in.
 */
@Component
public class Login implements Function<Login.Input, SessionStart.SignedIn> {

    static final int FAILURES_PER_ACCOUNT = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    record Input(@Field(maxLength = Emails.MAX_LENGTH, pattern = Emails.PATTERN, mismatch = Emails.INVALID) String email, @Field(trim = false) String password) {
    }

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionStart sessions;
    private final RateLimiter limiter;

    Login(UserRepository users, PasswordHasher passwords, SessionStart sessions, RateLimiter limiter) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @Override
    public SessionStart.SignedIn apply(Input input) {
        String failures = "login-failures:" + input.email().toLowerCase(Locale.ROOT);
        // Counted before the password is checked, so parallel guesses cannot all pass a check made first;
        // a success gives its count back.
        limiter.hit(failures, FAILURES_PER_ACCOUNT, FAILURE_WINDOW);
        Optional<User> found = users.findByEmail(input.email());
        if (found.isEmpty()) {
            passwords.spendTimeOnDecoy(input.password());
        }
        User user = found.filter(candidate -> passwords.matches(input.password(), candidate.passwordHash()))
                .filter(User::active)
                .orElse(null);
        if (user == null) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Invalid credentials");
        }
        limiter.giveBack(failures, FAILURE_WINDOW);
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, TokenAuthenticator.BLOCKED);
        }
        if (passwords.needsUpgrade(user.passwordHash())) {
            users.updatePassword(user.id(), passwords.hash(input.password()));
        }
        return sessions.start(user);
    }
}
