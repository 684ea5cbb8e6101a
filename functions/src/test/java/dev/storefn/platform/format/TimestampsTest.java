package dev.storefn.platform.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void isoTimesCarryTheOffsetAndMicrosecondsOnlyWhenThereAreAny() {
        Timestamps utc = new Timestamps("UTC");
        assertThat(utc.iso(Instant.parse("2025-12-20T09:14:15.123456789Z"))).isEqualTo("2025-12-20T09:14:15.123456+00:00");
        assertThat(utc.iso(Instant.parse("2025-12-20T09:14:15Z"))).isEqualTo("2025-12-20T09:14:15+00:00");
    }

    @Test
    void theStoreTimeZoneDecidesLocalTimes() {
        Timestamps chicago = new Timestamps("America/Chicago");
        assertThat(chicago.iso(Instant.parse("2025-12-20T09:14:15Z"))).isEqualTo("2025-12-20T03:14:15-06:00");
        assertThat(chicago.plain(Instant.parse("2025-07-01T03:00:00Z"))).isEqualTo("2025-06-30 22:00:00");
    }
}
