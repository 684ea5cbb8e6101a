package dev.storefn.runner.cli;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code serve} and {@code migrate} pass on to Spring Boot: the arguments picocli did not match, which
 * must be properties: Spring Boot's own ({@code --server.port=0}, {@code --logging.level.root=DEBUG}) or a
 * storefn setting ({@code --PORT=9000}). Anything else is a typo, and a usage error rather than a property
 * Spring would silently ignore; a misspelt command is told the one it probably meant.
 */
final class SpringArguments {

    private static final Pattern PROPERTY = Pattern.compile("--((spring|server|logging|management)\\.[^=]+|debug|[A-Z][A-Z0-9_]*)=.*",
            Pattern.DOTALL);

    private SpringArguments() {
    }

    static String[] check(List<String> unmatched, CommandLine commandLine) {
        for (String argument : unmatched) {
            if (!PROPERTY.matcher(argument).matches()) {
                throw new ParameterException(commandLine, argument.startsWith("-") ? "Unknown option: '" + argument + "'"
                        // Only the top-level command has subcommands: a word there is a misspelt command.
                        : commandLine.getSubcommands().isEmpty() ? "Unexpected argument: '" + argument + "'"
                        : "Unknown command: '" + argument + "'" + nearest(argument, commandLine));
            }
        }
        return unmatched.toArray(String[]::new);
    }

    /** ". Did you mean 'migrate'?" for a command a few keystrokes away; empty when none is. */
    private static String nearest(String word, CommandLine commandLine) {
        record Candidate(String command, int distance) {
        }
        return commandLine.getSubcommands().keySet().stream()
                .map(name -> new Candidate(name, distance(word, name)))
                .filter(candidate -> candidate.distance() <= Math.max(2, word.length() / 3))
                .min(Comparator.comparingInt(Candidate::distance))
                .map(candidate -> ". Did you mean '" + candidate.command() + "'?")
                .orElse("");
    }

    /** Levenshtein's distance: the fewest single-character edits from one word to the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
