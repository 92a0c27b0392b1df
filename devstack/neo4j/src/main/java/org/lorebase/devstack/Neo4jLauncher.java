package org.lorebase.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Lorebase's one-machine Neo4j: the embedded database with its Bolt connector on 127.0.0.1.
 *
 * <p>Arguments: {@code --home DIR --port N --password-file FILE [--pagecache SIZE]
 * [--parent-pid PID]}. Authentication is on: the user {@code neo4j} gets the password read
 * from the file (never from the command line, which other users can read). When Bolt accepts
 * connections the launcher writes {@code DIR/ready} and prints one {@code READY} line; it
 * shuts the database down cleanly on SIGINT, SIGTERM or when the parent process dies, so the
 * store never needs recovery. Failures end with one line starting {@code lorebase-neo4j:}
 * that says what to do; the stack trace goes to the log only.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final PrintStream OUT = System.out;

    private Neo4jLauncher() {}

    public static void main(String[] argv) {
        try {
            run(parse(argv));
        } catch (LaunchError error) {
            fail(error.getMessage(), null);
        } catch (Throwable error) {
            fail(explain(error), error);
        }
    }

    private static void run(Map<String, String> args) throws Exception {
        Path home = Path.of(required(args, "home")).toAbsolutePath();
        int port = Integer.parseInt(required(args, "port"));
        Path passwordFile = Path.of(required(args, "password-file"));
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            throw new LaunchError("the password in " + passwordFile + " is shorter than 8 characters");
        }
        ensurePortFree(port);
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.parse(args.getOrDefault("pagecache", "256m")))
                // Small, unpreallocated transaction logs: this database can always be rebuilt.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Stop in about a second, not the 5 s Bolt's thread pool waits by default.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // The parent removes a stale ready file before the next start.
            }
            service.shutdown();
            OUT.println("lorebase-neo4j: stopped");
            stopped.countDown();
        }, "lorebase-neo4j-shutdown"));

        setPassword(service, password);
        watchParent(args.get("parent-pid"));
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        OUT.println("READY bolt://" + HOST + ":" + port);
        OUT.flush();
        stopped.await();
    }

    /** The password of user neo4j, set on every start so the file is always the truth. */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException error) {
            // Setting the password it already has is refused; anything else is a real failure.
            if (!String.valueOf(error.getMessage()).contains("cannot be the same")) {
                throw error;
            }
        }
    }

    /** Exit (and so shut down cleanly) when the process that started us is gone. */
    private static void watchParent(String parentPid) {
        if (parentPid == null) {
            return;
        }
        long pid = Long.parseLong(parentPid);
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
            OUT.println("lorebase-neo4j: parent process " + pid + " is gone; stopping");
            System.exit(0);
        }, "lorebase-neo4j-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void ensurePortFree(int port) throws LaunchError {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new LaunchError("port " + HOST + ":" + port + " is already in use; stop what "
                    + "listens there or choose another port (LOREBASE_GRAPH_BOLT_PORT)");
        }
    }

    private static String explain(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("lock") && message.contains("store")) {
                return "the data directory is in use by another Neo4j process; stop it first ("
                        + message + ")";
            }
        }
        return "Neo4j failed to start: " + error + " (the stack trace is in this log)";
    }

    private static void fail(String message, Throwable error) {
        if (error != null) {
            error.printStackTrace(OUT);
        }
        OUT.println("lorebase-neo4j: " + message);
        OUT.flush();
        Runtime.getRuntime().halt(2);
    }

    private static Map<String, String> parse(String[] argv) throws LaunchError {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new LaunchError("usage: --home DIR --port N --password-file FILE "
                        + "[--pagecache SIZE] [--parent-pid PID]");
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        return args;
    }

    private static String required(Map<String, String> args, String name) throws LaunchError {
        String value = args.get(name);
        if (value == null) {
            throw new LaunchError("missing --" + name);
        }
        return value;
    }

    private static final class LaunchError extends Exception {
        LaunchError(String message) {
            super(message);
        }
    }
}
