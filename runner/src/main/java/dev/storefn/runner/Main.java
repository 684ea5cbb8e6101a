package dev.storefn.runner;

import java.io.PrintStream;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.Storefn;

/**
 * {@code java -jar storefn.jar [serve|migrate|invoke|help] ...}. Without a command it serves HTTP.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar storefn.jar [command] [options]

              serve                       serve HTTP on PORT (default 8000); the default command
              migrate                     apply database migrations and exit
              invoke --event FILE.json    run one API Gateway event (v1 or v2) through the Lambda
                                          adapter and print the response JSON (like sam local invoke -e)
              create-staff --email EMAIL --password-stdin
                                          create a staff account, or make an existing one staff;
                                          works while storefn is running on the same data directory
              help                        show this

            Without DATABASE_URL an embedded PostgreSQL keeps its data in STOREFN_DATA_DIR (default ./data).
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> SpringApplication.run(Storefn.class, rest);
            case "migrate" -> System.exit(migrate(rest));
            case "invoke", "create-staff" -> System.exit(runQuietly(command, rest));
            case "help", "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.print("Unknown command: " + command + "\n\n" + USAGE);
                System.exit(2);
            }
        }
    }

    /** Commands whose standard output is their answer: every log line, shutdown included, goes to standard error. */
    private static int runQuietly(String command, String[] args) throws Exception {
        PrintStream answer = System.out;
        System.setOut(System.err);
        if ("invoke".equals(command)) {
            return InvokeCommand.run(args, answer, System.err);
        }
        System.setProperty("logging.level.root", "WARN");
        return CreateStaffCommand.run(args, System.in, answer, System.err);
    }

    private static int migrate(String[] args) {
        System.setProperty("spring.flyway.enabled", "true");
        System.setProperty(EmbeddedPostgresDatabase.ATTACH, "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Storefn.class)
                .web(WebApplicationType.NONE)
                .run(args)) {
            System.err.println("Database migrations are up to date.");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Migration failed: " + e.getMessage());
            return 1;
        }
    }
}
