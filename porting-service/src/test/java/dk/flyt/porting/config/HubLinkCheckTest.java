package dk.flyt.porting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a production start checks of the hub link (the system tests start the packaged service in prod). */
class HubLinkCheckTest {
    @Test
    void anHttpsHubWithAClientAndASecretPasses() {
        assertThat(HubLinkCheck.problems("https://hub.example", Optional.of("operator-FLYT"), Optional.of("s3cret")))
                .isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(HubLinkCheck.problems("http://hub.example", Optional.of("operator-FLYT"), Optional.of("s3cret")))
                .singleElement()
                .asString()
                .contains("https");
    }

    @Test
    void aMissingOrBlankCredentialIsRefused() {
        assertThat(HubLinkCheck.problems("https://hub.example", Optional.of("operator-FLYT"), Optional.empty()))
                .singleElement()
                .asString()
                .contains("credential");
        assertThat(HubLinkCheck.problems("https://hub.example", Optional.of(" "), Optional.of(" ")))
                .hasSize(2);
    }

    @Test
    void aUrlThatIsNotOneIsRefused() {
        assertThat(HubLinkCheck.problems("hub", Optional.of("c"), Optional.of("s")))
                .hasSize(1);
        assertThat(HubLinkCheck.problems("https://", Optional.of("c"), Optional.of("s")))
                .hasSize(1);
    }
}
