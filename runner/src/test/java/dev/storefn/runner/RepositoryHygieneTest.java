package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps state and secrets out of git: a data directory (the embedded PostgreSQL, local media, the generated
 * signing key) or a key file committed by accident fails the build, naming the files.
 */
class RepositoryHygieneTest {

    /** A {@code data/} directory at any depth, or a file named like a key or keystore. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(^|.*/)data/.*|(^|.*/)[^/]*(secret_key[^/]*|\\.pem|\\.key|\\.p12|\\.jks)");

    @Test
    void noDataDirectoryOrKeyFileIsTrackedByGit() throws Exception {
        Path root = repositoryRoot();
        assumeTrue(root != null, "not a git checkout (a source archive?): nothing is tracked");
        List<String> tracked = trackedFiles(root);
        assertThat(tracked).as("files tracked by git in " + root).isNotEmpty();
        assertThat(tracked.stream().filter(path -> FORBIDDEN.matcher(path).matches()))
                .as("tracked files that hold local state or secrets: git rm --cached them (data/ is ignored)")
                .isEmpty();
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertThat(List.of("runner/data/secret_key", "data/postgres/PG_VERSION", "deploy/tls.pem", "a/b/server.key",
                "keystore.p12", "x.jks", "old_secret_key.txt")).allMatch(path -> FORBIDDEN.matcher(path).matches());
        assertThat(List.of("runner/pom.xml", "platform/src/main/java/dev/storefn/platform/Fields.java", "metadata/x.json",
                "docs/keys.md", "bigdata.txt")).noneMatch(path -> FORBIDDEN.matcher(path).matches());
    }

    /** The nearest directory holding {@code .git} (a directory, or a file in a worktree), or null. */
    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve(".git"))) {
                return directory;
            }
        }
        return null;
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git;
        try {
            git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException noGit) {
            assumeTrue(false, "git is not installed: " + noGit.getMessage());
            throw noGit;
        }
        byte[] listing = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).as("git ls-files finished").isTrue();
        assertThat(git.exitValue()).as("git ls-files exit code").isZero();
        return Arrays.stream(new String(listing, StandardCharsets.UTF_8).split("\0")).filter(path -> !path.isEmpty()).toList();
    }
}
