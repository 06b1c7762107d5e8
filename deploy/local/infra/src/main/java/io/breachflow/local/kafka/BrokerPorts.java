package io.breachflow.local.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local broker's two loopback ports (clients' listener, controller), chosen once per data directory and kept in
 * {@code <data-dir>/ports.properties}: the services are started with the broker's address, so a broker restarted alone
 * ({@code breachflow restart kafka}, or {@code up} after {@code down}) must come back where they look for it.
 *
 * <p>A kept port that another process holds is refused, naming it, rather than silently replaced: a broker on a new
 * port would look healthy while every running service kept knocking on the old one.
 */
public record BrokerPorts(int broker, int controller) {

    public static final String FILE = "ports.properties";

    /** The ports kept in {@code dataDir}; two free ones, kept there from now on, if none were kept yet. */
    public static BrokerPorts keptIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Properties kept = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                kept.load(in);
            }
            return new BrokerPorts(port(kept, "broker", file), port(kept, "controller", file));
        }
        BrokerPorts chosen = new BrokerPorts(KafkaBroker.freePort(), KafkaBroker.freePort());
        if (chosen.broker == chosen.controller) {
            return keptIn(dataDir); // the kernel handed the same free port twice: choose again
        }
        Files.createDirectories(dataDir);
        Path pending = dataDir.resolve(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(pending, StandardCharsets.UTF_8)) {
            Properties ports = new Properties();
            ports.setProperty("broker", String.valueOf(chosen.broker));
            ports.setProperty("controller", String.valueOf(chosen.controller));
            ports.store(out, "The local Kafka broker's ports, chosen once: the services know the broker there."
                    + " Delete this file (with the stack down) to choose new ones.");
        }
        Files.move(pending, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return chosen;
    }

    /**
     * Fails, naming the port and what to do, if another process listens on one of them. Our own broker's last
     * connections (TIME_WAIT after a crash) do not count: the test binds with {@code SO_REUSEADDR}, as the broker does.
     */
    public void requireFree(Path dataDir) {
        requireFree(broker, "the clients' listener", dataDir);
        requireFree(controller, "the controller", dataDir);
    }

    private static void requireFree(int port, String what, Path dataDir) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " (" + what + " of the Kafka broker, kept in "
                    + dataDir.resolve(FILE) + ") is taken by another process. The services expect the broker there:"
                    + " stop that process (ss -ltnp 'sport = :" + port + "' names it), or stop the whole stack"
                    + " (breachflow down), delete that file and start it again (up) on new ports");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port, e);
        }
    }

    private static int port(Properties kept, String name, Path file) {
        String value = kept.getProperty(name, "").strip();
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalStateException(file + ": '" + name + "' is not a port number ('" + value
                + "'); delete the file to choose new ports");
    }
}
