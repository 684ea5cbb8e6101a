package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README is a door into {@code docs/}: every link between the repository's Markdown pages leads to a file
 * that exists and, with a {@code #fragment}, to a heading of it (as GitHub makes its anchors).
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "data", ".git");

    static List<Path> pages() throws IOException {
        // The pages are at the top and one or two folders down (docs/, deploy/, bench/).
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    }).toList();
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation but hyphens dropped, spaces as hyphens. */
    static String anchorOf(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Set<String> anchorsOf(Path page) throws IOException {
        return Files.readAllLines(page).stream().filter(line -> line.startsWith("#"))
                .map(line -> anchorOf(line.replaceFirst("^#+", ""))).collect(Collectors.toSet());
    }

    @Test
    void everyLinkBetweenPagesLeadsSomewhere() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).extracting(page -> ROOT.relativize(page).toString())
                .contains("README.md", "SECURITY.md", "docs/configuration.md", "docs/architecture.md", "deploy/README.md");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (fragment != null && !anchorsOf(resolved).contains(fragment)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(anchorOf(" `invoke`: any function from the command line")).isEqualTo("invoke-any-function-from-the-command-line");
        assertThat(anchorOf("Adding an operation")).isEqualTo("adding-an-operation");
    }
}
