package dev.storefn.devtools.catalog;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How an import shows that it is getting on: a progress bar when standard error is a terminal, plain lines
 * (every tenth of the way) when it is a file or a pipe. Skipped records are reported in either case; under a
 * bar they wait until it is done, so they do not tear it.
 */
public interface ImportProgress extends AutoCloseable {

    /** One more record is done. */
    void step();

    /** A record was skipped: one line saying which and why. */
    void skipped(String line);

    @Override
    void close();

    static ImportProgress of(int total, PrintWriter err) {
        return stderrIsATerminal() ? new Bar(total, err) : new Lines(total, err);
    }

    /** Whether file descriptor 2 is a terminal; JLine asks the system ({@code test -t 2}). */
    static boolean stderrIsATerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    final class Bar implements ImportProgress {

        private final ProgressBar bar;
        private final PrintWriter err;
        private final List<String> skipped = new ArrayList<>();

        Bar(int total, PrintWriter err) {
            this.err = err;
            this.bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(total).setUnit(" products", 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200).showSpeed().build();
        }

        @Override
        public void step() {
            bar.step();
        }

        @Override
        public void skipped(String line) {
            skipped.add(line);
        }

        @Override
        public void close() {
            bar.close();
            skipped.forEach(err::println);
            err.flush();
        }
    }

    final class Lines implements ImportProgress {

        private final int total;
        private final PrintWriter err;
        private int done;

        Lines(int total, PrintWriter err) {
            this.total = total;
            this.err = err;
        }

        @Override
        public void step() {
            done++;
            if (done == total || done % Math.max(1, total / 10) == 0) {
                err.println("import-products: " + done + " of " + total + " records done");
                err.flush();
            }
        }

        @Override
        public void skipped(String line) {
            err.println(line);
            err.flush();
        }

        @Override
        public void close() {
            // Every line is out already.
        }
    }
}
