package dk.flyt.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkout's data rules (R-ORD-01, R-ORD-03, R-PORT-01, R-SUB-06), each violation naming its field. */
class OrderRulesTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    static final Set<String> PLANS = Set.of("MOBILE_10GB", "BASIC");

    static OrderDraft.CustomerDraft privateCustomer(String cpr) {
        return new OrderDraft.CustomerDraft(
                null,
                "PRIVATE",
                cpr,
                null,
                "Karen Jensen",
                new OrderDraft.Address("Nørregade 1", "8000", "Aarhus C"),
                "karen@example.dk",
                "20123456");
    }

    static OrderDraft.LineDraft portIn(String number, String iccid) {
        return new OrderDraft.LineDraft("MOBILE_10GB", "PORT_IN", number, iccid, "ASAP", null, "SIM", 0);
    }

    static OrderDraft.LineDraft newNumber() {
        return new OrderDraft.LineDraft("MOBILE_10GB", "NEW", null, null, null, null, "ESIM", null);
    }

    static OrderDraft draft(OrderDraft.CustomerDraft c, List<OrderDraft.LineDraft> lines) {
        return new OrderDraft(c, "WEBSHOP", "pm-123", lines, null, null);
    }

    static List<String> fields(OrderDraft d) {
        return OrderRules.validate(d, TODAY, PLANS).stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void R_ORD_01_R_ORD_03_aCompleteOrderHasNoViolations() {
        assertThat(fields(draft(
                        privateCustomer("010190-1234"),
                        List.of(portIn("+45 20 12 34 56", "8945010000000000006"), newNumber()))))
                .isEmpty();
    }

    @Test
    void R_ORD_01_everyMissingPieceIsNamed() {
        var empty = new OrderDraft.CustomerDraft(null, "PRIVATE", null, null, " ", null, "no-mail", null);
        assertThat(fields(new OrderDraft(empty, "FAX", " ", List.of(), null, null)))
                .containsExactlyInAnyOrder(
                        "customer.cpr",
                        "customer.name",
                        "customer.address",
                        "customer.email",
                        "channel",
                        "paymentMethodRef",
                        "lines");
    }

    @Test
    void R_ORD_01_theCustomerMustBe18() {
        assertThat(fields(draft(privateCustomer("231108-4001"), List.of(newNumber()))))
                .containsExactly("customer.cpr");
        assertThat(fields(draft(privateCustomer("221108-4001"), List.of(newNumber()))))
                .isEmpty();
    }

    @Test
    void R_ORD_01_aBusinessNeedsAValidCvr() {
        var business = new OrderDraft.CustomerDraft(
                null,
                "BUSINESS",
                null,
                "12345678",
                "Flyt ApS",
                new OrderDraft.Address("Havnegade 2", "1058", "København K"),
                "it@example.dk",
                null);
        assertThat(fields(draft(business, List.of(newNumber())))).containsExactly("customer.cvr");
        var valid = new OrderDraft.CustomerDraft(
                null, "BUSINESS", null, "10150817", "Flyt ApS", business.address(), "it@example.dk", null);
        assertThat(fields(draft(valid, List.of(newNumber())))).isEmpty();
    }

    @ParameterizedTest(name = "R-ORD-01 postal code {0} Danish: {1}")
    @CsvSource({
        "1000, true",
        "8000, true",
        "9990, true",
        "0800, true",
        "3900, false",
        "3970, false",
        "999, false",
        "10000, false",
        "abcd, false",
        "9991, false"
    })
    void R_ORD_01_theAddressMustBeDanish(String code, boolean danish) {
        assertThat(PostalCode.isDanish(code)).isEqualTo(danish);
    }

    @ParameterizedTest(name = "R-ORD-01 e-mail {0}")
    @ValueSource(strings = {"plain", "a@b", "a..b@example.dk", "@example.dk", "a b@example.dk"})
    void R_ORD_01_aBadEmailIsRefused(String email) {
        assertThat(Email.isValid(email)).isFalse();
    }

    @Test
    void R_ORD_03_R_PORT_01_aPortInNeedsADanishMobileNumberAValidIccidAndAMode() {
        var line = new OrderDraft.LineDraft(
                "MOBILE_10GB", "PORT_IN", "+46701234567", "8945010000000000007", "SOON", null, "SIM", 0);
        assertThat(fields(draft(privateCustomer("010190-1234"), List.of(line))))
                .containsExactlyInAnyOrder("lines[0].number", "lines[0].donorIccid", "lines[0].mode");
    }

    @Test
    void R_PORT_01_endOfTermNeedsTheDonorTermEndInTheFuture() {
        var line = new OrderDraft.LineDraft(
                "MOBILE_10GB", "PORT_IN", "20123456", "8945010000000000006", "END_OF_TERM", TODAY, "SIM", 0);
        assertThat(fields(draft(privateCustomer("010190-1234"), List.of(line))))
                .containsExactly("lines[0].donorTermEndsOn");
    }

    @Test
    void R_ORD_03_aNewNumberLineCarriesNoNumberAndOneNumberIsPortedOnce() {
        var withNumber = new OrderDraft.LineDraft("MOBILE_10GB", "NEW", "20123456", null, null, null, "SIM", 0);
        var twice = portIn("20123456", "8945010000000000006");
        assertThat(fields(draft(privateCustomer("010190-1234"), List.of(withNumber, twice, twice))))
                .containsExactly("lines[0].number", "lines[2].number");
    }

    @Test
    void R_SUB_06_aConsumerBindsForAtMostSixMonths() {
        var seven = new OrderDraft.LineDraft("MOBILE_10GB", "NEW", null, null, null, null, "SIM", 7);
        var six = new OrderDraft.LineDraft("MOBILE_10GB", "NEW", null, null, null, null, "SIM", 6);
        assertThat(fields(draft(privateCustomer("010190-1234"), List.of(seven, six))))
                .containsExactly("lines[0].bindingMonths");
        assertThat(CustomerKind.BUSINESS.maxBindingMonths()).isGreaterThan(6);
    }

    @Test
    void anUnknownPlanOrSimKindIsNamed() {
        var line = new OrderDraft.LineDraft("GOLD", "NEW", null, null, null, null, "NANO", 0);
        assertThat(fields(draft(privateCustomer("010190-1234"), List.of(line))))
                .containsExactlyInAnyOrder("lines[0].plan", "lines[0].simKind");
    }

    @Test
    void R_ORD_02_aPrivateProfileHoldsTwelveAndABusinessTwenty() {
        assertThat(CustomerKind.PRIVATE.subscriptionLimit()).isEqualTo(12);
        assertThat(CustomerKind.BUSINESS.subscriptionLimit()).isEqualTo(20);
    }

    @Test
    void R_SUB_01_aNewSimActivatesAtTheLatestAfter45DaysOr90ForABusiness() {
        assertThat(CustomerKind.PRIVATE.activationDays()).isEqualTo(45);
        assertThat(CustomerKind.BUSINESS.activationDays()).isEqualTo(90);
    }

    @Test
    void R_ORD_06_theCreationFeeIs99KronerUnlessACampaignWaivesIt() {
        assertThat(CreationFee.forOrder(false)).isEqualTo(9_900);
        assertThat(CreationFee.forOrder(true)).isZero();
    }

    @Test
    void anOrderIsInProgressUntilEveryLineIsActiveAndNeedsActionWhenALineWasRejected() {
        assertThat(LineStep.orderStatus(List.of(LineStep.ACTIVE, LineStep.PORT_SCHEDULED)))
                .isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(LineStep.orderStatus(List.of(LineStep.ACTIVE, LineStep.PORT_REJECTED)))
                .isEqualTo(OrderStatus.ACTION_REQUIRED);
        assertThat(LineStep.orderStatus(List.of(LineStep.ACTIVE, LineStep.ACTIVE)))
                .isEqualTo(OrderStatus.COMPLETED);
    }
}
