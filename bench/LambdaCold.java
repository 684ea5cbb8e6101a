import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * A Lambda cold start without Lambda: what the Java runtime does in a fresh JVM (the handler's no-argument
 * constructor is init, handleRequest the first invocation), timed. Prints one line on standard error:
 * {@code result epoch_ms=<after the response> init_ms=<constructor> invoke_ms=<first event> status=<code> rss_mb=<VmRSS>}.
 * Argument: the event file. Compiled once by lambda-cold.sh so that compiling is not part of the measurement.
 */
class LambdaCold {

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        long beforeInit = System.nanoTime();
        FunctionInvoker handler = new FunctionInvoker();
        long afterInit = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream in = new java.io.ByteArrayInputStream(event)) {
            handler.handleRequest(in, response, null);
        }
        long afterInvoke = System.nanoTime();
        long epochMs = System.currentTimeMillis();
        Matcher status = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)").matcher(response.toString(StandardCharsets.UTF_8));
        System.err.printf("result epoch_ms=%d init_ms=%d invoke_ms=%d status=%s rss_mb=%.1f%n", epochMs,
                (afterInit - beforeInit) / 1_000_000, (afterInvoke - afterInit) / 1_000_000,
                status.find() ? status.group(1) : "none", rssMb());
        System.exit(0);
    }

    private static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }
}
