package dev.storefn.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port (in 19000-19999) that stands where a database would be: it counts every connection
 * attempt and closes it at once, so a test can see whether, and when, anything reached for the database.
 */
final class RefusingDatabase implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger attempts = new AtomicInteger();

    private RefusingDatabase(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::acceptAll, "refusing-database");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RefusingDatabase open() throws IOException {
        // Start somewhere else in each JVM: builds of other work trees may run this test at the same time.
        int start = (int) (ProcessHandle.current().pid() % 1000);
        for (int i = 0; i < 1000; i++) {
            try {
                return new RefusingDatabase(new ServerSocket(19000 + (start + i) % 1000, 50, InetAddress.getLoopbackAddress()));
            } catch (IOException inUse) {
                // try the next port
            }
        }
        throw new IOException("No free port in 19000-19999");
    }

    int port() {
        return socket.getLocalPort();
    }

    int attempts() {
        return attempts.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                attempts.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
