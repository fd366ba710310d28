package dk.flyt.billing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.hubsim.PartnerSimulator;
import dk.flyt.platform.partner.PartnerClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic top-ups (R-BILL-04) through the real adapter, over HTTP against the provider's simulator on a port
 * (docs/adapters.md): approved once per idempotency key however often it is asked, declined, or unavailable.
 */
class HttpPaymentProviderTest {
    static PartnerSimulator provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new PartnerSimulator("key").start(0);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static HttpPaymentProvider adapter(String url) {
        return new HttpPaymentProvider(new PartnerClient(url, "key", Duration.ofSeconds(2)));
    }

    @Test
    void oneIdempotencyKeyTakesOnceHoweverOftenItIsAsked() {
        HttpPaymentProvider http = adapter(provider.url());
        PaymentProvider.Result first = http.charge("card-4242", 9_900, "top-up:c1:1");
        PaymentProvider.Result again = http.charge("card-4242", 9_900, "top-up:c1:1");
        assertThat(first).isInstanceOf(PaymentProvider.Approved.class).isEqualTo(again);
        assertThat(provider.taken("card-4242")).isEqualTo(9_900);
        assertThat(http.charge("card-4242", 100, "top-up:c1:2")).isInstanceOf(PaymentProvider.Approved.class);
        assertThat(provider.taken("card-4242")).isEqualTo(10_000);
    }

    @Test
    void aDeclineIsFinalAndAnOutageIsTriedAgain() {
        HttpPaymentProvider http = adapter(provider.url());
        assertThat(http.charge("declined-card", 500, "k-declined"))
                .isEqualTo(new PaymentProvider.Declined("card declined"));
        assertThat(http.charge("unavailable-card", 500, "k-503")).isInstanceOf(PaymentProvider.Unavailable.class);
        assertThat(adapter("http://127.0.0.1:9").charge("card-1", 500, "k-down"))
                .isInstanceOf(PaymentProvider.Unavailable.class);
        assertThat(provider.taken("declined-card") + provider.taken("unavailable-card"))
                .isZero();
    }
}
