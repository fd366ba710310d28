package dk.flyt.subscription.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.hubsim.PartnerSimulator;
import dk.flyt.platform.partner.PartnerClient;
import dk.flyt.subscription.domain.CreditDecision;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R-ORD-04/05 through the real adapter, over HTTP against the bureau's simulator on a port (docs/adapters.md): its
 * answers, and everything that is not one (too late, 5xx, a wrong key, nobody listening) as unavailable.
 */
class HttpCreditBureauTest {
    static PartnerSimulator bureau;

    @BeforeAll
    static void start() throws Exception {
        bureau = new PartnerSimulator("key").start(0).lateAnswer(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        bureau.close();
    }

    private static HttpCreditBureau adapter(String url, String key) {
        return new HttpCreditBureau(new PartnerClient(url, key, Duration.ofMillis(800)));
    }

    @Test
    void R_ORD_04_theBureausDecisionAndReasonComeThrough() {
        HttpCreditBureau http = adapter(bureau.url(), "key");
        assertThat(http.check("010190-1234", "8000")).isEqualTo(new CreditDecision.Approved());
        assertThat(http.check("010190-9999", "8000")).isEqualTo(new CreditDecision.Refused("RKI"));
        assertThat(http.check("0101909998", "8000")).isEqualTo(new CreditDecision.Refused("ADDRESS_UNKNOWN"));
    }

    @Test
    void R_ORD_05_noAnswerInTimeA5xxAWrongKeyOrNobodyListeningIsUnavailable() {
        assertThat(adapter(bureau.url(), "key").check("010190-9997", "8000"))
                .isInstanceOf(CreditDecision.Unavailable.class);
        assertThat(adapter(bureau.url(), "wrong").check("010190-1234", "8000"))
                .isInstanceOf(CreditDecision.Unavailable.class);
        assertThat(adapter("http://127.0.0.1:9", "key").check("010190-1234", "8000"))
                .isInstanceOf(CreditDecision.Unavailable.class);
        bureau.unavailable(true);
        try {
            assertThat(adapter(bureau.url(), "key").check("010190-1234", "8000"))
                    .isInstanceOf(CreditDecision.Unavailable.class);
        } finally {
            bureau.unavailable(false);
        }
    }

    @Test
    void aReasonThatIsNotACodeIsKeptAsUnspecified() {
        assertThat(HttpCreditBureau.reasonCode("RKI")).isEqualTo("RKI");
        assertThat(HttpCreditBureau.reasonCode("<script>010190-1234")).isEqualTo("UNSPECIFIED");
    }
}
