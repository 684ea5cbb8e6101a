import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What Lambda's Java runtime does with one event, run as a single-file program in a fresh JVM whose class
 * path is the deployment package alone: the handler's no-argument constructor (init), then handleRequest.
 * Arguments: the event file and the file to write the response to.
 */
class InvokeOnce {

    public static void main(String[] args) throws Exception {
        FunctionInvoker handler = new FunctionInvoker();
        try (InputStream event = Files.newInputStream(Path.of(args[0]));
                OutputStream response = Files.newOutputStream(Path.of(args[1]))) {
            handler.handleRequest(event, response, null);
        }
        // The application context is never closed on Lambda either; its threads must not keep this JVM alive.
        System.exit(0);
    }
}
