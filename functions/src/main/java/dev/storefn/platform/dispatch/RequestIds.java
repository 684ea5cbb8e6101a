package dev.storefn.platform.dispatch;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The id an answer and its log lines carry: the caller's {@code X-Request-Id} when well formed, else a fresh one. */
final class RequestIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static String of(String offered) {
        if (offered != null && WELL_FORMED.matcher(offered).matches()) {
            return offered;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
