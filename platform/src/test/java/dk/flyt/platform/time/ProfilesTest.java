package dk.flyt.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The security issue: the production rules hold for every profile that is not dev or test, not only "prod". */
class ProfilesTest {
    @Test
    void everyProfileButDevAndTestIsProduction() {
        assertThat(Profiles.isProduction(List.of("prod"))).isTrue();
        assertThat(Profiles.isProduction(List.of("staging"))).isTrue();
        assertThat(Profiles.isProduction(List.of())).isTrue();
        assertThat(Profiles.isProduction(List.of("dev"))).isFalse();
        assertThat(Profiles.isProduction(List.of("test"))).isFalse();
        assertThat(Profiles.isProduction(List.of("test", "kafka"))).isFalse();
    }
}
