package dk.flyt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The real servers of one test JVM: PostgreSQL, Kafka and OIDC, started once, in parallel, on first use, and
 * stopped when the JVM ends. Quarkus loads test resources and tests in different class loaders, so what tests need
 * of the running stack is kept where every loader sees the same thing: the addresses in system properties, the
 * controls in an MBean; {@link Servers} reads both.
 */
final class TestStack {
    static final String MBEAN = "dk.flyt.testing:type=TestServers";
    static final String JDBC_BASE = "flyt.test.postgres.jdbc-base";
    static final String KAFKA = "flyt.test.kafka.bootstrap-servers";
    static final String ISSUER = "flyt.test.oidc.issuer";

    static void ensureStarted() {
        Properties system = System.getProperties();
        synchronized (system) {
            if (registered()) {
                return;
            }
            Path work = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "flyt-servers-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PostgresServer postgres = new PostgresServer(work.resolve("postgres"));
            KafkaServer kafka = new KafkaServer(work.resolve("kafka"));
            OidcServer oidc = new OidcServer(work);
            List<TestServer> servers = List.of(postgres, kafka, oidc);
            long begin = System.nanoTime();
            CompletableFuture.allOf(servers.stream()
                            .map(s -> CompletableFuture.runAsync(() -> timed(s)))
                            .toArray(CompletableFuture[]::new))
                    .join();
            System.out.printf(
                    "[flyt-testing] all test servers ready in %d ms (PostgreSQL :%d, Kafka %s, OIDC %s)%n",
                    (System.nanoTime() - begin) / 1_000_000, postgres.port(), kafka.bootstrapServers(), oidc.issuer());

            system.setProperty(JDBC_BASE, postgres.jdbcUrl(""));
            system.setProperty(KAFKA, kafka.bootstrapServers());
            system.setProperty(ISSUER, oidc.issuer());
            register(new Control(servers, postgres));

            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> servers.forEach(s -> {
                                try {
                                    s.stop();
                                } catch (RuntimeException e) {
                                    System.err.println("[flyt-testing] stopping " + s.name() + ": " + e);
                                }
                            }),
                            "flyt-test-servers-stop"));
        }
    }

    static boolean registered() {
        try {
            return ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(MBEAN));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void register(Control control) {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new StandardMBean(control, TestServersMBean.class), new ObjectName(MBEAN));
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the test servers' controls", e);
        }
    }

    private record Control(List<TestServer> servers, PostgresServer postgres) implements TestServersMBean {
        @Override
        public void stop(String server) {
            find(server).stop();
        }

        @Override
        public void start(String server) {
            timed(find(server));
        }

        @Override
        public String createDatabase(String prefix) {
            return postgres.createDatabase(prefix);
        }

        private TestServer find(String name) {
            return servers.stream()
                    .filter(s -> s.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no test server " + name));
        }
    }

    private static void timed(TestServer server) {
        long begin = System.nanoTime();
        server.start();
        System.out.printf(
                "[flyt-testing] %s started in %d ms%n", server.name(), (System.nanoTime() - begin) / 1_000_000);
    }

    private TestStack() {}
}
