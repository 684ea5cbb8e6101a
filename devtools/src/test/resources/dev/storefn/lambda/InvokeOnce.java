import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What Lambda's Java runtime does with one event, run as a single-file program in a fresh JVM whose class
 * path is the deployment package alone: the handler's no-argument constructor (init), then handleRequest.
 * Arguments: pairs of an event file and the file to write its response to, handled in turn by one instance.
 */
class InvokeOnce {

    public static void main(String[] args) throws Exception {
        FunctionInvoker handler = new FunctionInvoker();
        for (int pair = 0; pair + 1 < args.length; pair += 2) {
            try (InputStream event = Files.newInputStream(Path.of(args[pair]));
                    OutputStream response = Files.newOutputStream(Path.of(args[pair + 1]))) {
                handler.handleRequest(event, response, null);
            }
        }
        // The application context is never closed on Lambda either; its threads must not keep this JVM alive.
        System.exit(0);
    }
}
