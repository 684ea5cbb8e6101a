package dev.storefn.runner.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.storefn.devtools.catalog.CatalogFile;
import dev.storefn.devtools.catalog.CatalogImport;
import dev.storefn.devtools.catalog.ImportProgress;
import dev.storefn.catalog.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-products FILE}: loads a catalog file into the shop, like the original's {@code import_products}
 * management command, through the same catalog service and rules as the API. Prints one summary line on
 * standard output; progress and skipped records go to standard error. Works beside a running storefn on the
 * same embedded data directory by using its PostgreSQL.
 */
@Command(name = "import-products", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Load products from a catalog file: {\"products\": [{\"name\", \"price\", \"category\", \"description\","
                + " \"stock\", \"image\"}, ...]}.",
                "image is a URL (kept as it is) or the path of an image file (relative to the catalog file), which goes to"
                        + " the media store (Cloudinary, or local disk).",
                "A record updates the product with its name (else the slug its name makes), so running a file again"
                        + " duplicates nothing. A bad record is reported with its index and skipped; the others are imported.",
                "Exit status: 0 when every record was imported, 1 when some were skipped, 2 for a file that is not a catalog.",
                "Works while storefn is running on the same data directory."})
public final class ImportProductsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the catalog file (JSON)")
    Path file;

    @Spec
    CommandSpec spec;

    /** Runs {@code import-products} with these arguments; the command's name may come first. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] options = args.length > 0 && "import-products".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
        return Main.configure(new CommandLine(new ImportProductsCommand()), out, err).execute(options);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CatalogFile catalogFile;
        try {
            catalogFile = CatalogFile.read(file);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long began = System.nanoTime();
        Optional<ConfigurableApplicationContext> started = CommandContext.start();
        if (started.isEmpty()) {
            return 1;
        }
        try (ConfigurableApplicationContext context = started.get()) {
            CatalogImport.Summary summary;
            try (ImportProgress progress = ImportProgress.of(catalogFile.records().size(), err)) {
                summary = new CatalogImport(context.getBean(Catalog.class)).run(catalogFile, progress);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            out.println(String.format(Locale.ROOT, "Imported %s: %d created, %d updated, %d unchanged, %d skipped (%d records, %.1f s)",
                    file, summary.created(), summary.updated(), summary.unchanged(), summary.skipped(), summary.total(), seconds));
            return summary.skipped() == 0 ? 0 : 1;
        } catch (CatalogImport.DatabaseUnavailable e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
