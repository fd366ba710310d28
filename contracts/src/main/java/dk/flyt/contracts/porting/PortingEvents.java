package dk.flyt.contracts.porting;

import java.time.Instant;
import java.time.LocalDate;

/** Facts the porting service publishes on {@code porting.events}, keyed by case id. Ids and numbers only. */
public final class PortingEvents {
    public static final int VERSION = 1;

    public record PortInRequested(
            String portInId, String orderId, String lineId, String number, LocalDate earliestPortDate) {}

    public record PortInAnswerDelayed(String portInId, String orderId, String lineId) {}

    public record PortInScheduled(
            String portInId, String orderId, String lineId, String number, String donorOperator, LocalDate portDate) {}

    /** The donor refused; the order stays open for corrected data. */
    public record PortInRejected(String portInId, String orderId, String lineId, String code) {}

    public record PortInCancelled(String portInId, String orderId, String lineId, String reason) {}

    /** Every operator routes the number to us now (R-PORT-06): activate the subscription (R-PORT-05). */
    public record PortInCompleted(
            String portInId,
            String orderId,
            String lineId,
            String customerId,
            String number,
            LocalDate portDate,
            Instant completedAt) {}

    /** Not working by the end of the agreed day (R-PORT-07). */
    public record PortInDelayed(String portInId, String orderId, String lineId, LocalDate agreedDate) {}

    /** No operator routes the number to us after the day of execution: the customer has no connection (R-PORT-06). */
    public record PortInInterrupted(String portInId, String orderId, String lineId, LocalDate agreedDate) {}

    public record PortInFailed(String portInId, String orderId, String lineId, String reason) {}

    public record PortOutRequested(
            String portOutId, String number, String subscriptionId, String recipientOperator, LocalDate portDate) {}

    public record PortOutRejected(String portOutId, String number, String code) {}

    /** The recipient withdrew its request; the number is as it was before. */
    public record PortOutCancelled(String portOutId, String number, String subscriptionId) {}

    /** The hub reported the port-out failed before it was executed; the number is as it was before. */
    public record PortOutFailed(String portOutId, String number, String subscriptionId, String reason) {}

    /** The number left us: end the subscription (R-POUT-02); settle the account including binding (R-POUT-04). */
    public record PortOutCompleted(
            String portOutId,
            String number,
            String subscriptionId,
            String customerId,
            String recipientOperator,
            LocalDate portDate) {}

    /** The port-out failed after we deactivated the number; it is active again on the same terms (R-POUT-05). */
    public record PortOutReverted(
            String portOutId, String number, String subscriptionId, String customerId, LocalDate revertedOn) {
        /** As sent before the revert carried its day (billing then takes the day it learns of it). */
        public PortOutReverted(String portOutId, String number, String subscriptionId, String customerId) {
            this(portOutId, number, subscriptionId, customerId, null);
        }
    }

    public record NumberQuarantined(String number, LocalDate until) {}

    public record NumberReturned(String number) {}

    /** Credit the customer's account (R-COMP-05). Amount in øre. */
    public record CompensationGranted(
            String compensationId, String customerId, String kind, long amountOre, String caseId, String number) {}

    private PortingEvents() {}
}
