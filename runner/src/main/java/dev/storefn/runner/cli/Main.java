package dev.storefn.runner.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar storefn.jar [serve|migrate|invoke|create-staff|import-products|help] ...}. Without a command it serves HTTP,
 * and arguments it does not know are Spring Boot properties ({@code --server.port=0}) for {@code serve}.
 */
@Command(name = "java -jar storefn.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "The storefn shop API. Without a command: serve.",
        footer = {"", "Without DATABASE_URL an embedded PostgreSQL keeps its data in STOREFN_DATA_DIR (default ./data).",
                "Run a command with --help for its options."})
public final class Main implements Callable<Integer> {

    /** Set by {@code --debug}: failures show their whole trace, and Spring Boot's own reports are logged. */
    static final String DEBUG = "storefn.debug";

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On a failure, print the whole trace, not only the one line.")
    void debug(boolean debug) {
        if (debug) {
            System.setProperty(DEBUG, "true");
        }
    }

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final ServeCommand serve;

    private Main(ServeCommand serve) {
        this.serve = serve;
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(System.in, System.out, System.err);
        commandLine.setExecutionStrategy(Main::answersOnStandardOutput);
        int exit = commandLine.execute(args);
        if (exit != 0 || !((Main) commandLine.getCommand()).serve.serving()) {
            System.exit(exit);
        }
    }

    /** The whole command line, printing help and answers to {@code out} and errors to {@code err}. */
    public static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        ServeCommand serve = new ServeCommand();
        return configure(new CommandLine(new Main(serve))
                .addSubcommand(serve)
                .addSubcommand(new MigrateCommand())
                .addSubcommand(new InvokeCommand())
                .addSubcommand(new CreateStaffCommand(in, System::console))
                .addSubcommand(new ImportProductsCommand())
                .addSubcommand(new HelpCommand()), out, err);
    }

    /** The settings every storefn command line shares; call it after adding the subcommands, which it reaches too. */
    static CommandLine configure(CommandLine commandLine, PrintStream out, PrintStream err) {
        return commandLine
                // An argument starting with @ is a value, not a file of arguments to read.
                .setExpandAtFiles(false)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(Main::usageError);
    }

    @Override
    public Integer call() {
        return serve.serve(SpringArguments.check(springArguments, spec.commandLine()));
    }

    /** One line saying what is wrong, then the usage of the command concerned; picocli's default may print suggestions instead. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(e.getMessage());
        err.println();
        commandLine.usage(err);
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * For the commands whose standard output is their answer, every log line, shutdown included, goes to
     * standard error; the command line keeps the real standard output for the answer.
     */
    private static int answersOnStandardOutput(ParseResult parsed) {
        String command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "serve";
        if ("invoke".equals(command) || "create-staff".equals(command) || "import-products".equals(command)) {
            System.setOut(System.err);
        }
        if ("create-staff".equals(command) || "import-products".equals(command)) {
            System.setProperty("logging.level.root", "WARN");
        }
        return new RunLast().execute(parsed);
    }
}
