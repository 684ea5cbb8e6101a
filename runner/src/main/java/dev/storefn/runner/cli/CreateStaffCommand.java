package dev.storefn.runner.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.accounts.StaffAccounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code create-staff --email E}: creates a staff account, like Django's {@code createsuperuser}. The password is
 * asked for twice without echo on a terminal, or read from standard input with {@code --password-stdin}; never
 * from the command line (where {@code ps} and shell history would show it). An existing account is refused
 * unless {@code --reset-password} says to make it staff with this password, which ends all its sessions. What
 * can be checked without the database (the address, the password's rules) is checked before anything starts.
 * Works beside a running storefn on the same embedded data directory by using its PostgreSQL.
 */
@Command(name = "create-staff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Create a staff account (like Django's createsuperuser); asks for the password twice on a terminal.",
                "Works while storefn is running on the same data directory."})
public final class CreateStaffCommand implements Callable<Integer> {

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the account's email address")
    String email;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input instead of asking")
    boolean passwordFromStdin;

    @Option(names = "--reset-password", description = "the account exists: make it staff with this password and end all its sessions")
    boolean resetPassword;

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final Supplier<Console> console;

    CreateStaffCommand(InputStream in, Supplier<Console> console) {
        this.in = in;
        this.console = console;
    }

    /** Runs {@code create-staff} with these arguments, reading the password from {@code in} (no terminal). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Main.configure(new CommandLine(new CreateStaffCommand(in, () -> null)), out, err).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> wrongAddress = StaffAccounts.addressProblem(email.strip());
        if (wrongAddress.isPresent()) {
            err.println(wrongAddress.get());
            return 2;
        }
        Optional<String> password = password(err);
        if (password.isEmpty()) {
            return 2;
        }
        Optional<String> weak = StaffAccounts.passwordProblem(password.get());
        if (weak.isPresent()) {
            err.println(weak.get());
            return 2;
        }
        Optional<ConfigurableApplicationContext> started = CommandContext.start();
        if (started.isEmpty()) {
            return 1;
        }
        try (ConfigurableApplicationContext context = started.get()) {
            StaffAccounts.Outcome outcome = context.getBean(StaffAccounts.class).createOrReset(email.strip(), password.get(), resetPassword);
            out.println(outcome == StaffAccounts.Outcome.CREATED ? "Created staff account " + email.strip()
                    : "Made " + email.strip() + " staff with the new password; every session it had has ended.");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** From standard input, or asked for twice on the terminal; empty (and said why) when there is none. */
    private Optional<String> password(PrintWriter err) throws IOException {
        if (passwordFromStdin) {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("No password on standard input.");
                return Optional.empty();
            }
            return Optional.of(line);
        }
        Console terminal = console.get();
        if (terminal == null) {
            err.println("No terminal to ask for the password on: pipe it in with --password-stdin.");
            return Optional.empty();
        }
        char[] first = terminal.readPassword("Password for %s: ", email.strip());
        char[] second = terminal.readPassword("The same password again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("The two passwords differ: nothing was changed.");
                return Optional.empty();
            }
            return Optional.of(new String(first));
        } finally {
            Arrays.fill(first == null ? new char[0] : first, ' ');
            Arrays.fill(second == null ? new char[0] : second, ' ');
        }
    }
}
