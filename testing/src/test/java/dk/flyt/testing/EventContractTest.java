package dk.flyt.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The events a test reads are held to the AsyncAPI document; what a test wrote itself, or a stranger, is not. */
class EventContractTest {
    private static final String NUMBER_RETURNED = "{\"number\":\"+4526123456\"}";

    @Test
    void aProducersEventAsTheDocumentDescribesItPasses() {
        assertThatCode(() -> EventContract.check(
                        record("porting.events", 1, "/porting-service", "NumberReturned", "v1", NUMBER_RETURNED)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFieldTheDocumentDoesNotNameAWrongTypeOrAWrongVersionFails() {
        assertThatThrownBy(() -> EventContract.check(record(
                        "porting.events",
                        2,
                        "/porting-service",
                        "NumberReturned",
                        "v1",
                        "{\"number\":\"+4526123456\"," + "\"extra\":1}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> EventContract.check(
                        record("porting.events", 3, "/porting-service", "NumberReturned", "v1", "{\"number\":42}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() ->
                        EventContract.check(record("porting.events", 4, "/porting-service", "OrderPlaced", "v1", "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not a message of porting.events");
        assertThatThrownBy(() -> EventContract.check(
                        record("porting.events", 5, "/porting-service", "NumberReturned", "v2", NUMBER_RETURNED)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ce_dataschema");
    }

    @Test
    void aStrangersRecordARecordATestWroteAndADeadLetterAreNotHeldToIt() {
        assertThatCode(() -> EventContract.check(
                        record("porting.events", 6, "/somebody-else", "NumberReturned", "v1", "garbage")))
                .doesNotThrowAnyException();
        EventContract.writtenByATest("porting.events", 0, 7);
        assertThatCode(() -> EventContract.check(
                        record("porting.events", 7, "/porting-service", "NumberReturned", "v1", "garbage")))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventContract.check(
                        record("porting.events.dlq", 8, "/porting-service", "NumberReturned", "v1", "garbage")))
                .doesNotThrowAnyException();
    }

    private static ConsumerRecord<String, String> record(
            String topic, long offset, String source, String type, String version, String value) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(topic, 0, offset, "key", value);
        Map.of(
                        "ce_source", source,
                        "ce_type", type,
                        "ce_dataschema", "urn:flyt:" + type + ":" + version)
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
