package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.client.billing.api.AccountsApi;
import dk.flyt.client.billing.model.AccountView;
import dk.flyt.client.porting.api.PortInsApi;
import dk.flyt.client.porting.model.PortInView;
import dk.flyt.client.subscription.api.OrdersApi;
import dk.flyt.client.subscription.model.Address;
import dk.flyt.client.subscription.model.CustomerDraft;
import dk.flyt.client.subscription.model.LineDraft;
import dk.flyt.client.subscription.model.LineStep;
import dk.flyt.client.subscription.model.OrderDraft;
import dk.flyt.client.subscription.model.OrderView;
import dk.flyt.client.subscription.model.ShipmentReport;
import dk.flyt.testing.TestData;
import dk.flyt.testing.Tokens;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A web shop team's journey with nothing but the client openapi-generator made from the published OpenAPI documents
 * (module {@code generated-client}), through the gateway: place an order porting a number in, report its SIM
 * shipped, follow it until the line is active, read the customer's account and the port-in case. The test's own
 * hands only set the business clock (which no partner has) and tell the hub simulator whose number it is.
 */
class GeneratedClientJourneyTest {
    private final FlytStack stack = FlytStack.get();
    private final Journey journey = new Journey(stack);

    @Test
    void aWebShopPlacesAPortInOrderFollowsItToActiveAndReadsTheAccountWithAGeneratedClient() throws Exception {
        LocalDate monday = journey.freshMonday();
        String number = TestData.mobileNumber();
        String donorIccid = TestData.iccid();
        stack.hub.subscriber(number, donorIccid);

        OrdersApi webshop = new OrdersApi(subscription(Tokens.forRole("webshop")));
        OrderDraft draft = new OrderDraft()
                .customer(new CustomerDraft()
                        .kind(CustomerDraft.KindEnum.PRIVATE)
                        .cpr(TestData.cpr())
                        .name("Karen Jensen")
                        .address(new Address()
                                .street("Nørregade 1")
                                .postalCode("8000")
                                .city("Aarhus C"))
                        .email("karen" + UUID.randomUUID().toString().substring(0, 8) + "@example.dk"))
                .channel(OrderDraft.ChannelEnum.WEBSHOP)
                .paymentMethodRef("pm-visa-4242")
                .lines(List.of(new LineDraft()
                        .plan("MOBILE_10GB")
                        .numberKind(LineDraft.NumberKindEnum.PORT_IN)
                        .number(number)
                        .donorIccid(donorIccid)
                        .mode(LineDraft.ModeEnum.ASAP)
                        .simKind(LineDraft.SimKindEnum.SIM)));
        String key = UUID.randomUUID().toString();
        OrderView placed = webshop.placeOrder(key, draft);
        assertThat(placed.getLines()).hasSize(1);
        assertThat(webshop.placeOrder(key, draft).getId())
                .as("the same Idempotency-Key answers the same order")
                .isEqualTo(placed.getId());
        UUID orderId = placed.getId();
        UUID lineId = placed.getLines().get(0).getId();

        new OrdersApi(subscription(Tokens.forRole("logistics")))
                .reportShipment(
                        orderId,
                        lineId,
                        new ShipmentReport()
                                .status(ShipmentReport.StatusEnum.SHIPPED)
                                .simIccid(TestData.iccid()));
        OrderView scheduled =
                await(() -> webshop.getOrder(orderId), o -> o.getLines().get(0).getStep() == LineStep.PORT_SCHEDULED);
        LocalDate portDate = scheduled.getLines().get(0).getPortDate();
        assertThat(portDate).isAfter(monday);

        journey.moveTo(portDate, LocalTime.of(2, 0, 30));
        OrderView active =
                await(() -> webshop.getOrder(orderId), o -> o.getLines().get(0).getStep() == LineStep.ACTIVE);
        assertThat(active.getLines().get(0).getSubscriptionId()).isNotNull();

        String customer = Tokens.customer(active.getCustomerId());
        AccountView account = await(
                () -> new AccountsApi(billing(customer)).getAccount(active.getCustomerId()),
                a -> a.getBalance() != null);
        assertThat(account.getCustomerId()).isEqualTo(active.getCustomerId());
        PortInView portIn = new PortInsApi(porting(customer))
                .getPortIn(UUID.fromString(active.getLines().get(0).getPortInId()));
        assertThat(portIn.getNumber()).isEqualTo(number);
        assertThat(portIn.getState().getValue()).isEqualTo("COMPLETED");
    }

    private dk.flyt.client.subscription.ApiClient subscription(String token) {
        dk.flyt.client.subscription.ApiClient c = new dk.flyt.client.subscription.ApiClient();
        c.updateBaseUri(stack.gateway.url());
        c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        return c;
    }

    private dk.flyt.client.billing.ApiClient billing(String token) {
        dk.flyt.client.billing.ApiClient c = new dk.flyt.client.billing.ApiClient();
        c.updateBaseUri(stack.gateway.url());
        c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        return c;
    }

    private dk.flyt.client.porting.ApiClient porting(String token) {
        dk.flyt.client.porting.ApiClient c = new dk.flyt.client.porting.ApiClient();
        c.updateBaseUri(stack.gateway.url());
        c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        return c;
    }

    private static <T> T await(Callable<T> read, Predicate<T> done) {
        return Awaitility.await()
                .atMost(Journey.WAIT)
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(read, done::test);
    }
}
