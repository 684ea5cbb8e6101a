package dev.storefn.platform.access;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.storefn.platform.Misconfiguration;
import dev.storefn.platform.database.DatabaseUrl;

/**
 * The limits in force: each as the route table (or the feature) declares it, unless a setting names another,
 * {@code RATE_LIMIT_<BUCKET>=5/15m} ({@code RATE_LIMIT_LOGIN}, {@code RATE_LIMIT_REGISTER},
 * {@code RATE_LIMIT_GOOGLE_SIGN_IN}, {@code RATE_LIMIT_LOGIN_FAILURES}). {@code RATE_LIMITS=off} switches them
 * all off, for someone trying the API on their own machine, and refuses to start against a database elsewhere.
 */
@Component
public class RateLimits {

    private static final Pattern SETTING = Pattern.compile("([1-9][0-9]{0,8})/([1-9][0-9]{0,8}[smhd])");

    private final Environment environment;
    private final boolean off;

    public RateLimits(Environment environment) {
        this.environment = environment;
        String switched = environment.getProperty("RATE_LIMITS", "on").strip().toLowerCase(Locale.ROOT);
        if (!switched.equals("on") && !switched.equals("off")) {
            throw new Misconfiguration("RATE_LIMITS is on or off, not " + switched);
        }
        this.off = switched.equals("off");
        if (off && !DatabaseUrl.isOnThisMachine(environment.getProperty("DATABASE_URL"))) {
            throw new Misconfiguration("RATE_LIMITS=off is for trying storefn on your own machine, and DATABASE_URL points elsewhere:"
                    + " unset RATE_LIMITS, or change a limit with RATE_LIMIT_LOGIN=20/15m and the like");
        }
    }

    /** The limit in force for what {@code declared} limits; empty when limits are off. */
    public Optional<RateLimit> inForce(RateLimit declared) {
        return off ? Optional.empty() : Optional.of(configured(declared));
    }

    private RateLimit configured(RateLimit declared) {
        String name = "RATE_LIMIT_" + declared.bucket().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        String setting = environment.getProperty(name);
        if (setting == null || setting.isBlank()) {
            return declared;
        }
        Matcher matcher = SETTING.matcher(setting.strip());
        if (!matcher.matches()) {
            throw new Misconfiguration(name + " reads COUNT/WINDOW, such as 5/15m (s, m, h or d), not " + setting);
        }
        return new RateLimit(declared.bucket(), Integer.parseInt(matcher.group(1)), DurationStyle.SIMPLE.parse(matcher.group(2)));
    }
}
