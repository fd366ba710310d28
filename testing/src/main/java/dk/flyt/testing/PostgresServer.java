package dk.flyt.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL 17 from the embedded binaries on Maven Central, on loopback, one per test JVM. */
public final class PostgresServer implements TestServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    PostgresServer(Path dataDirectory) {
        this(dataDirectory, Ports.free());
    }

    /** A server on a fixed port, keeping its data in {@code dataDirectory} across restarts (the local stack). */
    public PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(
                            dataDirectory.getParent().resolve("pg-binaries").toFile())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a fresh, empty database owned by {@code postgres} and returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet() + "_"
                        + ProcessHandle.current().pid())
                .toLowerCase()
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** Creates the database unless it exists (the local stack keeps its databases across restarts). */
    public void ensureDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            var r = s.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name.replaceAll("[^a-z0-9_]", "") + "'");
            if (!r.next()) {
                s.execute("CREATE DATABASE " + name.replaceAll("[^a-z0-9_]", ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }
}
