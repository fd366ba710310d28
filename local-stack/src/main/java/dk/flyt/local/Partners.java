package dk.flyt.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.flyt.hubsim.PartnerSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The outside parties a local or test stack gives the services' real adapters (docs/adapters.md): the credit bureau,
 * the SMS gateway and the payment provider (one {@link PartnerSimulator} behind an API key) and an SMTP server
 * (GreenMail) that keeps every e-mail.
 */
public final class Partners implements AutoCloseable {
    public static final String API_KEY = "local-partner-key";

    private final PartnerSimulator simulator;
    private final GreenMail smtp;

    private Partners(PartnerSimulator simulator, GreenMail smtp) {
        this.simulator = simulator;
        this.smtp = smtp;
    }

    /** Starts both; a port of 0 takes a free one. */
    public static Partners start(int partnerPort, int smtpPort) {
        try {
            PartnerSimulator simulator = new PartnerSimulator(API_KEY).start(partnerPort);
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            return new Partners(simulator, smtp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PartnerSimulator simulator() {
        return simulator;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public String url() {
        return simulator.url();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** The real adapters of {@code module}, pointed at these parties. */
    public void configure(String module, Map<String, String> p) {
        switch (module) {
            case ServiceSettings.SUBSCRIPTION -> {
                p.put("flyt.adapters.credit-bureau", "http");
                p.put("flyt.credit-bureau.url", url());
                p.put("flyt.credit-bureau.api-key", API_KEY);
                p.put("flyt.adapters.notifications", "smtp");
                p.put("flyt.sms.url", url());
                p.put("flyt.sms.api-key", API_KEY);
                p.put("flyt.notifications.relay-every", "1s");
                p.put("quarkus.mailer.host", "127.0.0.1");
                p.put("quarkus.mailer.port", String.valueOf(smtpPort()));
                p.put("quarkus.mailer.start-tls", "DISABLED");
            }
            case ServiceSettings.BILLING -> {
                p.put("flyt.adapters.payments", "http");
                p.put("flyt.payments.url", url());
                p.put("flyt.payments.api-key", API_KEY);
            }
            default -> {
                // porting's outside party is the hub, configured on its own
            }
        }
    }

    @Override
    public void close() {
        simulator.close();
        smtp.stop();
    }
}
