// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL cluster from the machine's own installation (the Debian package {@code postgresql}):
 * {@code initdb} into a temporary folder, then {@code pg_ctl start} on 127.0.0.1 and a free port, with
 * password (SCRAM) authentication for one superuser. PostgreSQL refuses to run as root, so as root every
 * command runs as the {@code postgres} user ({@code runuser -u postgres --}) in a folder it owns; as anyone
 * else, directly. One cluster per test JVM, stopped ({@code pg_ctl stop -m immediate}) and deleted when the
 * JUnit run ends ({@link StopAtEnd}), else by a shutdown hook, else by the next run (a cluster whose owning
 * JVM is gone). Missing PostgreSQL is a failure that says how to install it, never a skipped test.
 */
public final class PostgresCluster {

    public static final String USER = "signet";
    private static final String INSTALL = "PostgreSQL is not installed, and the JDBC key store tests need a real one."
            + " Install it: apt-get update && apt-get install -y --no-install-recommends postgresql"
            + " (CI runs .ci/postgres.sh), or set SIGNET_POSTGRES_BIN to the folder holding initdb and pg_ctl.";

    private static final String OWNER = "owner.pid";
    private static PostgresCluster shared;

    private final Path bin;
    private final Path directory;
    private final boolean asPostgresUser;
    private final int port;
    private final String password;
    private int databases;

    private PostgresCluster(Path bin, Path directory, boolean asPostgresUser, int port, String password) {
        this.bin = bin;
        this.directory = directory;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.password = password;
    }

    /** The JVM's cluster, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "signet-postgres-stop"));
        }
        return shared;
    }

    static PostgresCluster start() {
        Path bin = binaries();
        boolean root = isRoot();
        stopLeftovers(bin, root);
        try {
            Path directory = Files.createTempDirectory("signet-pg-");
            Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            String password = "pw-" + UUID.randomUUID();
            Path passwordFile = directory.resolve("pwfile");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()), directory, false);
            }
            PostgresCluster probe = new PostgresCluster(bin, directory, root, 0, password);
            probe.pg(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(),
                    "-A", "scram-sha-256", "-U", USER, "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync",
                    "--no-instructions"));
            Files.delete(passwordFile);
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                PostgresCluster cluster = new PostgresCluster(bin, directory, root, port, password);
                try {
                    cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                            "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off",
                            "-l", directory.resolve("log").toString(), "-w", "-t", "60", "start"));
                    return cluster;
                } catch (IOException e) {
                    last = e; // most likely the port was taken between the probe and the start
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
        }
    }

    /**
     * Clusters of earlier test JVMs that ended without stopping theirs (killed, or halted before the shutdown
     * hook finished): their {@value #OWNER} names a process that is gone. Stopped and deleted here.
     */
    private static void stopLeftovers(Path bin, boolean root) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(temp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("signet-pg-")).toList()) {
                Path owner = dir.resolve(OWNER);
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).trim());
                } catch (IOException | NumberFormatException e) {
                    continue; // not ours, or being set up right now
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                new PostgresCluster(bin, dir, root, 0, null).stop();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresCluster: cannot look for leftover clusters in " + temp + ": " + e);
        }
    }

    /**
     * Stops the JVM's cluster when the JUnit run ends, before the JVM exits (a forked test JVM may be halted
     * before its shutdown hooks finish). Register it before any extension that uses the cluster.
     */
    public static final class StopAtEnd implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresCluster.class))
                    .getOrComputeIfAbsent("stop", key -> (ExtensionContext.Store.CloseableResource) PostgresCluster::stopShared);
        }
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    /** A new, empty database in the cluster, owned by {@link #USER}. */
    public synchronized String newDatabase() {
        String name = "signet_" + (++databases) + "_" + ProcessHandle.current().pid();
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url(database), properties);
    }

    private boolean stopped;

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresCluster: stop failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("PostgresCluster: cannot delete " + directory + ": " + e.getMessage());
        }
    }

    private void pg(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, directory, true);
    }

    private static void run(List<String> command, Path directory, boolean logged) throws IOException {
        Path output = Files.createTempFile("signet-pg-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                String log = Files.readString(output);
                Path serverLog = directory.resolve("log");
                if (logged && Files.isReadable(serverLog)) {
                    log += "\nserver log:\n" + Files.readString(serverLog);
                }
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** SIGNET_POSTGRES_BIN, else the newest /usr/lib/postgresql/N/bin; else the failure that says what to install. */
    static Path binaries() {
        Optional<Path> configured = Optional.ofNullable(System.getenv("SIGNET_POSTGRES_BIN")).map(Path::of);
        if (configured.isPresent()) {
            if (!Files.isExecutable(configured.get().resolve("initdb"))) {
                throw new IllegalStateException("SIGNET_POSTGRES_BIN=" + configured.get() + " has no initdb. " + INSTALL);
            }
            return configured.get();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(PostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException(INSTALL);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            id.waitFor(10, TimeUnit.SECONDS);
            return "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
