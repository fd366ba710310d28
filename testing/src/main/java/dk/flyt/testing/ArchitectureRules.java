package dk.flyt.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps (see DESIGN "House style"): the domain is plain Java that reads like the
 * rulebook, and only the outbox relay talks to a Kafka producer.
 */
public final class ArchitectureRules {

    /** The service's production classes under {@code basePackage}. */
    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage, "dk.flyt.messaging", "dk.flyt.platform");
    }

    /** {@code ..domain..} imports no Quarkus, Jakarta, Kafka, Hibernate, SmallRye, Vert.x or Jackson types. */
    public static ArchRule domainIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax.persistence..",
                        "org.apache.kafka..",
                        "org.hibernate..",
                        "io.smallrye..",
                        "io.vertx..",
                        "com.fasterxml.jackson..",
                        "org.eclipse.microprofile..")
                .because("the rules must be testable without a framework and read like the rulebook");
    }

    /** Nothing but the outbox relay may use a Kafka producer or a reactive-messaging emitter. */
    public static ArchRule onlyTheOutboxRelaySendsToKafka() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("dk.flyt.messaging.outbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka.clients.producer..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.eclipse.microprofile.reactive.messaging.Emitter")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.smallrye.reactive.messaging.MutinyEmitter")
                .because("a state change and its event are written together to the outbox; the relay publishes");
    }

    private ArchitectureRules() {}
}
