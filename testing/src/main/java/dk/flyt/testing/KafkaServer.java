package dk.flyt.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Apache Kafka broker in KRaft mode, in a child JVM, on loopback. Keeps its data across a restart. */
public final class KafkaServer implements TestServer {
    private final int port;
    private final ChildJvm jvm;

    KafkaServer(Path dataDirectory) {
        this(dataDirectory, Ports.free(), Ports.free());
    }

    /** A broker on fixed ports, keeping its data in {@code dataDirectory} (the local stack). */
    public KafkaServer(Path dataDirectory, int port, int controllerPort) {
        this.port = port;
        this.jvm = new ChildJvm(
                "Kafka",
                "flyt-kafka-broker.classpath",
                "dk.flyt.testing.kafka.KafkaBrokerMain",
                List.of(
                        dataDirectory.toString(),
                        String.valueOf(port),
                        String.valueOf(controllerPort),
                        String.join(",", dk.flyt.contracts.Topics.all())),
                dataDirectory.resolveSibling("kafka.log"));
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public void start() {
        long offset = logLength();
        jvm.start();
        awaitReady(Duration.ofSeconds(60), offset);
    }

    @Override
    public void stop() {
        jvm.stop();
    }

    @Override
    public boolean isRunning() {
        return jvm.isAlive();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Waits for the broker's own "started" line in its log, written after this start. (An admin client here would
     * meet Quarkus's class loaders: the test resource runs outside the application's.)
     */
    private void awaitReady(Duration timeout, long logOffset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + jvm.log());
            }
            // the broker's main writes this once the contract's topics exist (KafkaBrokerMain.TOPICS_READY)
            if (logSince(logOffset).contains("[flyt-kafka] topics ready")) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout + "; see " + jvm.log());
    }

    private String logSince(long offset) {
        try (java.io.RandomAccessFile log =
                new java.io.RandomAccessFile(jvm.log().toFile(), "r")) {
            if (log.length() <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (log.length() - offset)];
            log.seek(offset);
            log.readFully(bytes);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private long logLength() {
        java.io.File log = jvm.log().toFile();
        return log.exists() ? log.length() : 0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
