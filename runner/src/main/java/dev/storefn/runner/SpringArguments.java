package dev.storefn.runner;

import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code serve} and {@code migrate} pass on to Spring Boot: the arguments picocli did not match, which
 * must be properties ({@code --server.port=0}). Anything else is a typo, and a usage error rather than a
 * property Spring would silently ignore.
 */
final class SpringArguments {

    private static final Pattern PROPERTY = Pattern.compile("--[^-=][^=]*=.*", Pattern.DOTALL);

    private SpringArguments() {
    }

    static String[] check(List<String> unmatched, CommandLine commandLine) {
        for (String argument : unmatched) {
            if (!PROPERTY.matcher(argument).matches()) {
                throw new ParameterException(commandLine, argument.startsWith("-") ? "Unknown option: '" + argument + "'"
                        // Only the top-level command has subcommands: a word there is a misspelt command.
                        : (commandLine.getSubcommands().isEmpty() ? "Unexpected argument: '" : "Unknown command: '") + argument + "'");
            }
        }
        return unmatched.toArray(String[]::new);
    }
}
