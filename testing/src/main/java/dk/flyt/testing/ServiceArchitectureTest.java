package dk.flyt.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Each service's layering test: extend it and name the service's base package. */
public abstract class ServiceArchitectureTest {
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage) {
        this.classes = ArchitectureRules.importService(basePackage);
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava().check(classes);
    }

    @Test
    void onlyTheOutboxRelaySendsToKafka() {
        ArchitectureRules.onlyTheOutboxRelaySendsToKafka().check(classes);
    }
}
