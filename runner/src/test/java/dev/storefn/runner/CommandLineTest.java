package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.storefn.runner.cli.Main;
import dev.storefn.runner.cli.CreateStaffCommand;

/** Main's command line, run in-process with its output captured: help, version and usage errors. */
class CommandLineTest {

    @TempDir
    Path temporary;

    private Path dataDirectory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aDataDirectoryThatMustNotAppear() {
        dataDirectory = temporary.resolve("data");
        System.setProperty("STOREFN_DATA_DIR", dataDirectory.toString());
    }

    @AfterEach
    void clearDataDirectory() {
        System.clearProperty("STOREFN_DATA_DIR");
    }

    private int run(String... args) {
        return Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommandsAndStartsNothing() {
        for (String help : new String[] {"--help", "-h", "help"}) {
            out.reset();
            assertThat(run(help)).as(help).isZero();
            assertThat(out()).as(help).startsWith("Usage: java -jar storefn.jar")
                    .contains("serve", "migrate", "invoke", "create-staff", "import-products", "STOREFN_DATA_DIR");
            assertThat(err()).as(help).isEmpty();
        }
        assertThat(dataDirectory).doesNotExist();
        assertThat(Path.of("data")).as("runner/data").doesNotExist();
    }

    @Test
    void versionIsTheProjectVersion() {
        String expected = System.getProperty("storefn.expected-version");
        assertThat(expected).as("set by runner/pom.xml").isNotBlank();
        for (String version : new String[] {"--version", "-V"}) {
            out.reset();
            assertThat(run(version)).as(version).isZero();
            assertThat(out()).as(version).isEqualTo("storefn " + expected + System.lineSeparator());
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "migrate", "invoke", "create-staff", "import-products"}) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out()).as(command).startsWith("Usage: java -jar storefn.jar " + command);
        }
        assertThat(err()).isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void serveHelpSaysSpringPropertiesPassThrough() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out()).contains("--server.port=0");
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void invokeWithoutAnEventIsAUsageError() {
        assertThat(run("invoke")).isEqualTo(2);
        assertThat(err()).startsWith("Missing required option: '--event=FILE'" + System.lineSeparator())
                .contains("Usage: java -jar storefn.jar invoke");
        assertThat(out()).isEmpty();
    }

    @Test
    void createStaffWithoutATerminalOrAPasswordOnStandardInputStartsNothing() {
        assertThat(run("create-staff", "--email", "x@example.com")).isEqualTo(2);
        assertThat(err()).startsWith("No terminal to ask for the password on: pipe it in with --password-stdin.");
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void createStaffRefusesWhatSignUpWouldBeforeAnythingStarts() {
        assertThat(run("create-staff", "--email", "not an address", "--password-stdin")).isEqualTo(2);
        assertThat(err()).startsWith("The email address is refused: Enter a valid email address.");
        for (String weak : new String[] {"short", " ".repeat(12), "x".repeat(129)}) {
            err.reset();
            assertThat(CreateStaffCommand.run(new String[] {"--email", "x@example.com", "--password-stdin"},
                    new ByteArrayInputStream((weak + "\n").getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).as(weak).isEqualTo(2);
            assertThat(err()).as(weak).startsWith("The password is refused: ");
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void aMisspeltCommandIsToldTheOneItMeant() {
        assertThat(run("migrat")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown command: 'migrat'. Did you mean 'migrate'?" + System.lineSeparator());
        err.reset();
        assertThat(run("create-stuff")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown command: 'create-stuff'. Did you mean 'create-staff'?");
        err.reset();
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown command: 'frobnicate'" + System.lineSeparator());
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void onlyPropertiesSpringOrStorefnKnowPassThrough() {
        for (String[] args : new String[][] {{"migrate", "--bogus=1"}, {"serve", "--bogus=1"}, {"--made.up=1"}}) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err()).as(String.join(" ", args)).startsWith("Unknown option: '" + args[args.length - 1] + "'");
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void importProductsNeedsAFile() {
        assertThat(run("import-products")).isEqualTo(2);
        assertThat(err()).startsWith("Missing required parameter: 'FILE'").contains("Usage: java -jar storefn.jar import-products");
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("bogus")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown command: 'bogus'" + System.lineSeparator())
                .contains("Usage: java -jar storefn.jar");
        assertThat(out()).isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown option: '--bogus'" + System.lineSeparator());
        for (String[] args : new String[][] {{"serve", "--bogus"}, {"serve", "stray"}, {"migrate", "-x"},
                {"invoke", "--event", "e.json", "--bogus"}, {"create-staff", "--bogus"}, {"import-products", "--bogus", "x.json"}}) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err()).as(String.join(" ", args)).contains("Usage: java -jar storefn.jar " + args[0]);
            assertThat(err().lines().findFirst().orElse("")).as(String.join(" ", args)).containsAnyOf("Unknown", "Unexpected", "Missing");
        }
        assertThat(out()).isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void anUnreadableEventFileIsAUsageError() {
        assertThat(run("invoke", "--event", temporary.resolve("none.json").toString())).isEqualTo(2);
        assertThat(err()).startsWith("Cannot read the event file");
    }

    @Test
    void aNonEventIsRefusedBeforeAnythingStarts() throws Exception {
        Path notAnEvent = Files.writeString(temporary.resolve("not-an-event.json"), "{\"hello\":1}");
        assertThat(run("invoke", "--event", notAnEvent.toString())).isEqualTo(2);
        assertThat(err()).startsWith("Neither an API Gateway proxy event");
        assertThat(dataDirectory).doesNotExist();
    }
}
