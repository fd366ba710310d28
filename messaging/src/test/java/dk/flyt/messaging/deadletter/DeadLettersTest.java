package dk.flyt.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a dead letter keeps of a message: the customer it names, and an error agents may read. */
class DeadLettersTest {
    @Test
    void theCustomerIsTheOneThePayloadNamesIfAny() {
        assertThat(DeadLetters.customerOf("{\"customerId\":\"c-1\",\"x\":1}")).isEqualTo("c-1");
        assertThat(DeadLetters.customerOf("{\"customerId\":42}")).isNull();
        assertThat(DeadLetters.customerOf("{\"orderId\":\"o-1\"}")).isNull();
        assertThat(DeadLetters.customerOf("not json")).isNull();
        assertThat(DeadLetters.customerOf(null)).isNull();
        assertThat(DeadLetters.customerOf("{\"customerId\":\"" + "c".repeat(101) + "\"}"))
                .isNull();
    }

    @Test
    void theErrorIsShortAndHasNoCprNumber() {
        assertThat(DeadLetters.shortened("no customer 150585-1234 here")).doesNotContain("150585-1234");
        assertThat(DeadLetters.shortened("x".repeat(2000))).hasSize(500).endsWith("…");
        assertThat(DeadLetters.shortened(null)).isEqualTo("unknown");
    }
}
