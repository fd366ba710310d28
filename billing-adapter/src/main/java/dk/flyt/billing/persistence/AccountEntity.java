package dk.flyt.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "automatic_payment", nullable = false)
    public boolean automaticPayment = true;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "payment_ref")
    public String paymentRef;

    @Column(name = "top_up_target_ore", nullable = false)
    public long topUpTargetOre = 10_000;

    @Column(name = "negative_since")
    public java.time.LocalDate negativeSince;

    @Column(name = "notice_sent_on")
    public java.time.LocalDate noticeSentOn;

    @Column(name = "blocking_allowed_on")
    public java.time.LocalDate blockingAllowedOn;

    @Column(name = "reminder_sent_on")
    public java.time.LocalDate reminderSentOn;

    @Column(name = "warning_sent_on")
    public java.time.LocalDate warningSentOn;

    /** How many times the account was settled (R-BILL-07); the latest settlement's number. */
    @Column(nullable = false)
    public int settlements;

    /** Settled, and no line opened since. */
    @Column(nullable = false)
    public boolean settled;

    /** How many automatic top-ups were started (R-BILL-04); each shortfall gets the next number as its key. */
    @Column(name = "top_ups", nullable = false)
    public int topUps;

    @Version
    public long version;
}
