package dk.flyt.messaging.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka client security settings ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}),
 * which the messaging connector reads from the same keys, for the clients Flyt creates itself (the outbox producer
 * and the readiness check). Each service is its own principal: SASL/SCRAM or mTLS, see {@code docs/kafka-security.md}.
 */
@ApplicationScoped
public class KafkaSecurity {
    private static final List<String> PREFIXES = List.of("security.protocol", "sasl.", "ssl.");

    private final Map<String, String> settings;

    public KafkaSecurity(Config config) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith("kafka.")) {
                continue;
            }
            String key = name.substring("kafka.".length());
            if (PREFIXES.stream().anyMatch(key::startsWith)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> found.put(key, v));
            }
        }
        this.settings = Map.copyOf(found);
    }

    /** The settings, as Kafka client properties (without the {@code kafka.} prefix). */
    public Map<String, String> properties() {
        return settings;
    }
}
