package dev.storefn.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;
import dev.storefn.accounts.StaffAccounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code create-staff --email E --password-stdin}: creates a staff account or promotes an existing one,
 * like Django's {@code createsuperuser}. The password is read from standard input, never from the command
 * line (where {@code ps} and shell history would show it). Works beside a running storefn on the same
 * embedded data directory by using its PostgreSQL.
 */
@Command(name = "create-staff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Create a staff account, or make an existing one staff (like Django's createsuperuser).",
                "Works while storefn is running on the same data directory."})
final class CreateStaffCommand implements Callable<Integer> {

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the account's email address")
    String email;

    @Option(names = "--password-stdin", required = true,
            description = "read the password from the first line of standard input (the only way to give it)")
    boolean passwordFromStdin;

    @Spec
    CommandSpec spec;

    private final InputStream in;

    CreateStaffCommand(InputStream in) {
        this.in = in;
    }

    /** Runs {@code create-staff} with these arguments, reading the password from {@code in}. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Main.configure(new CommandLine(new CreateStaffCommand(in)), out, err).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            err.println("No password on standard input.");
            return 2;
        }
        System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run()) {
            boolean created = context.getBean(StaffAccounts.class).createOrPromote(email.strip(), password);
            out.println((created ? "Created staff account " : "Made staff: ") + email.strip());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            System.clearProperty(EmbeddedPostgresDatabase.ATTACH);
        }
    }
}
