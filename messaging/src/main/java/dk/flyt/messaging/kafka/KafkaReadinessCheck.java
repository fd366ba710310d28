package dk.flyt.messaging.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a Kafka broker answers: without one, no event leaves the outbox. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {
    private final String bootstrapServers;
    private volatile AdminClient admin;
    private final KafkaSecurity security;

    public KafkaReadinessCheck(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaSecurity security) {
        this.security = security;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS);
            return HealthCheckResponse.named("Kafka broker")
                    .status(!nodes.isEmpty())
                    .withData("nodes", nodes.size())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka broker")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    private AdminClient admin() {
        AdminClient a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties props = new Properties();
                    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.putAll(security.properties());
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
                    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
                    admin = AdminClient.create(props);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
