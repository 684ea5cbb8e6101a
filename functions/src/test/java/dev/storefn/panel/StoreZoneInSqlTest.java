package dev.storefn.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.storefn.FunctionsTest;

/**
 * Whatever form {@code STORE_TIME_ZONE} takes (a region, a fixed offset, {@code UTC+05:30}), PostgreSQL puts an
 * instant on the same local time as Java does: reports group by the days the rest of storefn shows.
 */
class StoreZoneInSqlTest extends FunctionsTest {

    @Test
    void postgresReadsEveryFormOfTheStoreZoneAsJavaDoes() {
        Instant nearMidnight = Instant.parse("2025-05-01T18:40:00Z");
        Instant summer = Instant.parse("2025-07-01T03:00:00Z");
        for (String name : new String[] {"UTC", "Z", "Asia/Kolkata", "America/Chicago", "+05:30", "-03:00", "UTC+05:30",
            "GMT-09:30", "Etc/GMT-5", "+05:45:30"}) {
            ZoneId zone = ZoneId.of(name);
            for (Instant instant : new Instant[] {nearMidnight, summer}) {
                LocalDateTime inPostgres = jdbc.sql("SELECT ?::timestamptz AT TIME ZONE ?")
                        .params(instant.toString(), ShopFigures.postgresZone(zone)).query(LocalDateTime.class).single();
                assertThat(inPostgres).as(name + " at " + instant).isEqualTo(LocalDateTime.ofInstant(instant, zone));
            }
        }
    }
}
