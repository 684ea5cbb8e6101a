package dev.storefn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code deploy/invariants.sql}, the operators' check of the shop's data, as an assertion: every rule must hold. */
public final class Invariants {

    private Invariants() {
    }

    public static void assertHold(JdbcClient jdbc) {
        String script;
        try {
            // Both modules' tests run with their module directory as the working directory.
            script = Files.readString(Path.of("..", "deploy", "invariants.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String query = script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip().replaceAll(";$", "");
        jdbc.sql(query).query((rs, row) -> {
            assertThat(rs.getLong("violations")).as(rs.getString("invariant")).isZero();
            return null;
        }).list();
    }
}
