package dk.flyt.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.messaging.kafka.KafkaSecurity;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clients Flyt creates itself authenticate as the connector does (docs/kafka-security.md). */
class KafkaSecurityTest {
    private static KafkaSecurity of(Map<String, String> properties) {
        return new KafkaSecurity(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build());
    }

    @Test
    void saslScramSettingsReachTheClientsWithoutTheirPrefix() {
        KafkaSecurity security = of(Map.of(
                "kafka.bootstrap.servers", "broker:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.ssl.truststore.location", "/etc/kafka/ca.p12",
                "kafka.linger.ms", "5",
                "flyt.audit.topic", "billing.events"));
        assertThat(security.properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsKey("sasl.jaas.config")
                .doesNotContainKeys("bootstrap.servers", "linger.ms", "kafka.security.protocol");
    }

    @Test
    void withNothingConfiguredTheClientsSpeakPlaintextAsBefore() {
        assertThat(of(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092")).properties())
                .isEmpty();
    }
}
