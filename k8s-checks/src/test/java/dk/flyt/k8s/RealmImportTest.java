package dk.flyt.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The realm of the Kubernetes deployment is the local stack's, made by {@link RealmImport}, never edited apart. */
class RealmImportTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void theRealmImportIsTheLocalRealmWithoutItsPeopleAndSecrets() throws Exception {
        String rendered = RealmImport.render(REPOSITORY);
        Path file = REPOSITORY.resolve(RealmImport.FILE);
        if (Boolean.getBoolean("flyt.k8s.write")) {
            Files.writeString(file, rendered);
        }
        assertThat(Files.readString(file))
                .as("%s is generated from %s; run this test with -Dflyt.k8s.write=true", file, RealmImport.LOCAL_REALM)
                .isEqualTo(rendered);
        assertThat(rendered)
                .doesNotContain("\"password\"", "credentials", "karen", "flyt-cli", "clock-admin", "127.0.0.1")
                .doesNotContainPattern("secret: \"?[a-z]+-secret")
                .contains("${WEBSHOP_SECRET}", "${FLYT_CONSOLE_SECRET}", "${CONSOLE_URL}/*");
    }
}
