package dev.storefn.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;
import dev.storefn.accounts.StaffAccounts;

/**
 * {@code create-staff --email E --password-stdin}: creates a staff account or promotes an existing one,
 * like Django's {@code createsuperuser}. The password is read from standard input, never from the command
 * line (where {@code ps} and shell history would show it). Works beside a running storefn on the same
 * embedded data directory by using its PostgreSQL.
 */
final class CreateStaffCommand {

    private CreateStaffCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        String email = null;
        boolean passwordFromStdin = false;
        for (int i = 0; i < args.length; i++) {
            if ("--email".equals(args[i]) && i + 1 < args.length) {
                email = args[++i];
            } else if ("--password-stdin".equals(args[i])) {
                passwordFromStdin = true;
            }
        }
        if (email == null || !passwordFromStdin) {
            err.print("create-staff needs --email EMAIL --password-stdin\n\n" + Main.USAGE);
            return 2;
        }
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
