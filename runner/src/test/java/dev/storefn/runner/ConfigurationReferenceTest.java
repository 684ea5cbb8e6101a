package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} lists every setting the code reads, and nothing else: the code is searched for the
 * ways it reads one (a {@code ${NAME}} placeholder, {@code getProperty("NAME")}, {@code getenv("NAME")}, a
 * property condition), the page's tables for the names they list.
 */
class ConfigurationReferenceTest {

    private static final Pattern READ = Pattern.compile(
            "\\$\\{([A-Z][A-Z0-9_]+)(?=\\}|:(?!:))|getProperty\\(\"([A-Z][A-Z0-9_]+)\"|getenv\\((?:\\)\\.getOrDefault\\()?\"([A-Z][A-Z0-9_]+)\""
                    + "|ConditionalOnProperty\\((?:name = )?\"([A-Z][A-Z0-9_]+)\"");
    /** Settings storefn reads by a prefix and a name ({@code RATE_LIMIT_LOGIN}). */
    private static final Pattern PREFIX = Pattern.compile("\"([A-Z][A-Z0-9_]*_)\" \\+");
    /** Every module whose code may read a setting. */
    private static final List<String> MODULES = List.of("platform", "functions", "lambda", "devtools", "runner");
    /** Spring Boot's own placeholders (the logging pattern's process id). */
    private static final Set<String> NOT_SETTINGS = Set.of("PID");

    private static Set<String> readByTheCode(Set<String> prefixes) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : MODULES) {
            Path root = Path.of("..", module, "src", "main");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".properties")).toList()) {
                    String text = Files.readString(file);
                    Matcher read = READ.matcher(text);
                    while (read.find()) {
                        for (int group = 1; group <= read.groupCount(); group++) {
                            if (read.group(group) != null && !NOT_SETTINGS.contains(read.group(group))) {
                                names.add(read.group(group));
                            }
                        }
                    }
                    Matcher prefix = PREFIX.matcher(text);
                    while (prefix.find()) {
                        prefixes.add(prefix.group(1));
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> listedByTheReference() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "configuration.md"))) {
            if (line.startsWith("| `")) {
                Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.substring(0, line.indexOf(" |", 2)));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void theReferenceListsEverySettingTheCodeReadsAndNothingElse() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        Set<String> read = readByTheCode(prefixes);
        Set<String> listed = listedByTheReference();
        // The search finds what it must: settings of every kind of read.
        assertThat(read).contains("DATABASE_URL", "PORT", "STOREFN_HTTP_THREADS", "CLOUDINARY_API_KEY", "STOREFN_METRIC_LINES", "LOG_FORMAT");
        assertThat(prefixes).contains("RATE_LIMIT_");
        assertThat(listed).as("read by the code, missing from docs/configuration.md").containsAll(read);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(read);
        stale.removeIf(name -> prefixes.stream().anyMatch(name::startsWith));
        assertThat(stale).as("listed in docs/configuration.md, read nowhere").isEmpty();
    }
}
