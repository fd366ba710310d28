package dk.flyt.subscription;

import dk.flyt.testing.ServiceArchitectureTest;

/** The domain is plain Java; only the outbox relay sends to Kafka. */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("dk.flyt.subscription");
    }
}
