package dev.storefn.platform.dispatch;

import java.util.regex.Pattern;

import dev.storefn.platform.Unique;

/** The id an answer and its log lines carry: the caller's {@code X-Request-Id} when well formed, else a fresh one. */
final class RequestIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private RequestIds() {
    }

    static String of(String offered) {
        if (offered != null && WELL_FORMED.matcher(offered).matches()) {
            return offered;
        }
        return Unique.hex(8);
    }
}
