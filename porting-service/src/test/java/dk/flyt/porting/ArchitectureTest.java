package dk.flyt.porting;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.flyt.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.importService("dk.flyt.porting");

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava().check(CLASSES);
    }

    @Test
    void onlyTheOutboxRelaySendsToKafka() {
        ArchitectureRules.onlyTheOutboxRelaySendsToKafka().check(CLASSES);
    }
}
