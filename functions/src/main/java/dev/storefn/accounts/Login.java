package dev.storefn.accounts;

import static dev.storefn.platform.operation.Transaction.Mode.NONE;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.storefn.platform.access.RateLimit;
import dev.storefn.platform.access.RateLimiter;
import dev.storefn.platform.access.RateLimits;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Doc;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;

/**
 * {@code POST /api/login/}. Besides the per-network limit on the route, failed attempts are counted per
 * account, so that spreading a password guess over many networks does not help: once an account has had
 * {@link #FAILURES_PER_ACCOUNT} failures in a {@link #FAILURE_WINDOW}, sign-ins to it from networks it has never
 * signed in from wait for the window to end. Its owner, on a network of theirs, is never refused the right
 * password: an attacker cannot lock anyone out. Its route runs without a transaction: the count must outlive
 * the refusal it ends in.
 */
@Component
// Failed attempts are counted per account, and that count must outlive the refusal.
@Transaction(NONE)
class Login implements Function<Login.Input, SessionStart.SignedIn> {

    static final int FAILURES_PER_ACCOUNT = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** What an account's failures are counted by, unless RATE_LIMIT_LOGIN_FAILURES says otherwise. */
    static final RateLimit FAILURES = new RateLimit("loginFailures", FAILURES_PER_ACCOUNT, FAILURE_WINDOW);
    static final String INVALID = "Invalid credentials";

    @Doc("Wrong credentials are 400 `{\"detail\": \"Invalid credentials\"}`. After 10 failures in 15 minutes an account"
            + " takes sign-ins only from networks it has signed in from before (429 elsewhere); a blocked account is 401.")
    record Input(
            @Doc(value = "The account's email, in any case", example = "asha@example.com")
            @Field(maxLength = Email.MAX_LENGTH, pattern = Email.PATTERN, mismatch = Email.INVALID) String email,
            @Doc(value = "The password, as typed", example = "correct horse battery") @Field(trim = false) String password,
            ClientNetwork network) {
    }

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionStart sessions;
    private final SignInNetworks networks;
    private final RateLimiter limiter;
    private final Optional<RateLimit> failuresLimit;

    Login(UserRepository users, PasswordHasher passwords, SessionStart sessions, SignInNetworks networks, RateLimiter limiter,
            RateLimits limits) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.networks = networks;
        this.limiter = limiter;
        this.failuresLimit = limits.inForce(FAILURES);
    }

    @Override
    public SessionStart.SignedIn apply(Input input) {
        Optional<Email> email = Email.of(input.email());
        if (email.isEmpty()) {
            // No account can have this address; the answer takes as long as for one that might.
            passwords.spendTimeOnDecoy(input.password());
            throw Refusal.detail(Refusal.Kind.INVALID, INVALID);
        }
        String failures = "login-failures:" + email.get().key();
        Duration window = failuresLimit.map(RateLimit::window).orElse(FAILURE_WINDOW);
        // Counted before the password is checked, so parallel guesses cannot all pass a check made first;
        // a success gives its count back.
        int failed = failuresLimit.isPresent() ? limiter.count(failures, window) : 0;
        Optional<User> found = users.findByEmail(email.get());
        if (failuresLimit.isPresent() && failed > failuresLimit.get().limit()
                && (found.isEmpty() || !networks.known(found.get().id(), input.network()))) {
            limiter.giveBack(failures, window);
            throw limiter.tooMany(window, "Too many failed sign-ins to this account. Try again later, or from"
                    + " a network you have signed in from before.");
        }
        if (found.isEmpty()) {
            passwords.spendTimeOnDecoy(input.password());
        }
        User user = found.filter(candidate -> passwords.matches(input.password(), candidate.passwordHash()))
                .filter(User::active)
                .orElse(null);
        if (user == null) {
            throw Refusal.detail(Refusal.Kind.INVALID, INVALID);
        }
        if (failuresLimit.isPresent()) {
            limiter.giveBack(failures, window);
        }
        if (user.blocked()) {
            throw Refusal.detail(Refusal.Kind.NOT_AUTHENTICATED, SessionGate.BLOCKED);
        }
        if (passwords.needsUpgrade(user.passwordHash())) {
            users.updatePassword(user.id(), passwords.hash(input.password()));
        }
        return sessions.start(user, input.network());
    }
}
