package dk.flyt.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R-ORD-09: outbound contact needs a recorded consent; a withdrawal takes effect at once. */
class ConsentTest {
    private static final Instant GIVEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID CONTACT = UUID.randomUUID();

    private static Consent consent(ContactChannel channel) {
        return new Consent(UUID.randomUUID(), "c1", channel, "v3", GIVEN, null, "agent-1", CONTACT);
    }

    @Test
    void R_ORD_09_aConsentPermitsContactThroughItsChannelFromWhenItWasGiven() {
        List<Consent> consents = List.of(consent(ContactChannel.PHONE));
        assertThat(Consent.permitsContact(consents, ContactChannel.PHONE, GIVEN))
                .isTrue();
        assertThat(Consent.permitsContact(consents, ContactChannel.PHONE, GIVEN.minusSeconds(1)))
                .isFalse();
        assertThat(Consent.permitsContact(consents, ContactChannel.SMS, GIVEN.plusSeconds(60)))
                .isFalse();
    }

    @Test
    void R_ORD_09_withoutAnyConsentNoOutboundContact() {
        assertThat(Consent.permitsContact(List.of(), ContactChannel.PHONE, GIVEN))
                .isFalse();
    }

    @Test
    void R_ORD_09_aWithdrawalIsEffectiveAtOnce() {
        Instant withdrawn = GIVEN.plusSeconds(3600);
        Consent c = consent(ContactChannel.PHONE).withdraw(withdrawn);
        assertThat(c.isActiveAt(withdrawn.minusMillis(1))).isTrue();
        assertThat(c.isActiveAt(withdrawn)).isFalse();
        assertThat(Consent.permitsContact(List.of(c), ContactChannel.PHONE, withdrawn))
                .isFalse();
    }

    @Test
    void withdrawingTwiceKeepsTheFirstTime() {
        Consent once = consent(ContactChannel.EMAIL).withdraw(GIVEN.plusSeconds(10));
        assertThat(once.withdraw(GIVEN.plusSeconds(99)).withdrawnAt()).isEqualTo(GIVEN.plusSeconds(10));
    }

    @Test
    void aConsentNamesItsWording() {
        assertThatThrownBy(() -> new Consent(
                        UUID.randomUUID(), "c1", ContactChannel.PHONE, " ", GIVEN, null, "agent-1", CONTACT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void R_ORD_09_aSaleNeedsAConsentForItsOwnChannel() {
        Instant at = GIVEN.plusSeconds(60);
        var sms = new Consent(UUID.randomUUID(), "c1", ContactChannel.SMS, "v3", GIVEN, null, "agent-1", CONTACT);
        org.assertj.core.api.Assertions.assertThat(Consent.refusesSale(
                        java.util.List.of(sms), ContactChannel.PHONE, at, "agent-2", UUID.randomUUID()))
                .contains(Consent.SaleRefusal.NO_CONSENT);
        var phone = new Consent(UUID.randomUUID(), "c1", ContactChannel.PHONE, "v3", GIVEN, null, "agent-1", CONTACT);
        org.assertj.core.api.Assertions.assertThat(Consent.refusesSale(
                        java.util.List.of(sms, phone), ContactChannel.PHONE, at, "agent-2", UUID.randomUUID()))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void R_ORD_09_theAgentWhoRecordedTheConsentDoesNotMakeTheSaleUnlessTheCustomerGaveItThemself() {
        Instant at = GIVEN.plusSeconds(60);
        var byAgent = new Consent(UUID.randomUUID(), "c1", ContactChannel.PHONE, "v3", GIVEN, null, "agent-1", CONTACT);
        org.assertj.core.api.Assertions.assertThat(
                        Consent.refusesSale(java.util.List.of(byAgent), ContactChannel.PHONE, at, "agent-1", CONTACT))
                .contains(Consent.SaleRefusal.RECORDED_BY_SELLER);
        var selfService = new Consent(UUID.randomUUID(), "c1", ContactChannel.PHONE, "v3", GIVEN, null, "c1", null);
        org.assertj.core.api.Assertions.assertThat(Consent.refusesSale(
                        java.util.List.of(selfService), ContactChannel.PHONE, at, "agent-1", CONTACT))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(Consent.refusesSale(
                        java.util.List.of(byAgent.withdraw(at.minusSeconds(1))),
                        ContactChannel.PHONE,
                        at,
                        "agent-2",
                        UUID.randomUUID()))
                .contains(Consent.SaleRefusal.NO_CONSENT);
    }

    @Test
    void R_ORD_09_theSameAgentMaySellInALaterContactButNotInTheOneTheConsentWasRecordedIn() {
        Instant at = GIVEN.plusSeconds(60);
        var byAgent = new Consent(UUID.randomUUID(), "c1", ContactChannel.PHONE, "v3", GIVEN, null, "agent-1", CONTACT);
        assertThat(Consent.refusesSale(List.of(byAgent), ContactChannel.PHONE, at, "agent-1", CONTACT))
                .contains(Consent.SaleRefusal.RECORDED_BY_SELLER);
        assertThat(Consent.refusesSale(List.of(byAgent), ContactChannel.PHONE, at, "agent-1", UUID.randomUUID()))
                .isEmpty();
        var beforeContacts =
                new Consent(UUID.randomUUID(), "c1", ContactChannel.PHONE, "v3", GIVEN, null, "agent-1", null);
        assertThat(Consent.refusesSale(List.of(beforeContacts), ContactChannel.PHONE, at, "agent-1", UUID.randomUUID()))
                .as("a consent recorded before contacts existed counts as any of the agent's contacts")
                .contains(Consent.SaleRefusal.RECORDED_BY_SELLER);
    }
}
