package dk.flyt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable: a tiny size, no timing asserted (figures come from the real run). */
class ChargeRunBenchSmokeTest {
    @Test
    void R_BILL_08_theBenchmarkChargesEverySeededSubscriptionOnce() throws Exception {
        Path work = Files.createTempDirectory("flyt-bench-smoke");
        try (EmbeddedPostgres pg = ChargeRunBench.start(work)) {
            ChargeRunBench.Result r = ChargeRunBench.run(pg, 2_000, 300, 2);
            assertThat(r.charged()).isEqualTo(2_000);
            assertThat(r.runSeconds()).isPositive();
            assertThat(r.copySeconds()).isPositive();
        }
    }
}
