package dev.storefn.platform.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How times are written on the wire, in the store's time zone ({@code STORE_TIME_ZONE}, default UTC):
 * ISO-8601 with offset and microseconds when there are any, as Django renders them, and the plain
 * {@code YYYY-MM-DD HH:MM:SS} the storefront expects for an order's {@code created_at}.
 */
@Component
public class Timestamps {

    private static final DateTimeFormatter ISO_WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public Timestamps(@Value("${STORE_TIME_ZONE:UTC}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** The store's zone, for SQL that groups by the store's calendar days. */
    public ZoneId zone() {
        return zone;
    }

    public String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return (micros.getNano() == 0 ? ISO_WHOLE_SECONDS : ISO_MICROS).format(micros.atZone(zone));
    }

    public String plain(Instant instant) {
        return instant == null ? null : PLAIN.format(instant.atZone(zone));
    }
}
