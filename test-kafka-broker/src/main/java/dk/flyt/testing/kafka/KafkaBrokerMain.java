package dk.flyt.testing.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Starts one Kafka broker in KRaft mode (broker and controller in one process) on loopback.
 *
 * <p>Arguments: data directory, broker port, controller port, and optionally the comma-separated topics to create at
 * start (with the broker's default partitions). The storage is formatted on first start and
 * kept on later starts, so a restarted broker keeps its topics and offsets. The process ends when its standard
 * input closes, which is how it dies with the JVM that started it, even when that JVM is killed.
 */
public final class KafkaBrokerMain {
    private static final String CLUSTER_ID = "Zmx5dC1rcmFmdC10ZXN0";

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: KafkaBrokerMain <data-dir> <port> <controller-port> [topics]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        dieWithParent();

        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        Path logs = dataDir.resolve("logs");
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logs.toString());
        props.setProperty("num.partitions", "3");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "3");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("log.flush.interval.messages", "1");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by KafkaBrokerMain");
        }

        if (!Files.exists(logs.resolve("meta.properties"))) {
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(OutputStream.nullOutputStream()));
            if (rc != 0) {
                System.err.println("formatting the KRaft storage failed: " + rc);
                System.exit(1);
            }
        }
        if (args.length > 3 && !args[3].isBlank()) {
            createTopics(port, List.of(args[3].split(",")));
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** The line {@code KafkaServer} waits for: the broker is up and holds every topic it was asked for. */
    public static final String TOPICS_READY = "[flyt-kafka] topics ready";

    /**
     * Creates the topics once the broker answers (those that exist are kept), then says so on standard output, which
     * is the broker's log: the services find their topics at their start, as in production, where they are provisioned
     * beforehand.
     */
    private static void createTopics(int port, List<String> topics) {
        Thread creator = new Thread(
                () -> {
                    Map<String, Object> config = Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            "127.0.0.1:" + port,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            60_000);
                    try (Admin admin = Admin.create(config)) {
                        Set<String> existing = admin.listTopics().names().get();
                        List<NewTopic> missing = topics.stream()
                                .filter(t -> !existing.contains(t))
                                .map(t -> new NewTopic(t, Optional.empty(), Optional.empty()))
                                .toList();
                        admin.createTopics(missing).all().get();
                        System.out.println(TOPICS_READY + ": " + String.join(",", topics));
                    } catch (Exception e) {
                        System.err.println("[flyt-kafka] creating the topics failed: " + e);
                        Runtime.getRuntime().halt(1);
                    }
                },
                "create-topics");
        creator.setDaemon(true);
        creator.start();
    }

    private static void dieWithParent() {
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() >= 0) {
                            // the parent never writes; end of stream means it is gone
                        }
                    } catch (IOException ignored) {
                        // same: the pipe is broken
                    }
                    Runtime.getRuntime().halt(0);
                },
                "die-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    private KafkaBrokerMain() {}
}
