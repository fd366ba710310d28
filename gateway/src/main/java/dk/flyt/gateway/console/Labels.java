package dk.flyt.gateway.console;

import java.util.Map;

/**
 * The Danish the agents read for the services' codes on the timeline. A code without a label is shown as it is; the
 * page shows the code beside the label, so an agent can quote it to the engineers.
 */
final class Labels {
    private static final Map<String, String> DANISH = Map.ofEntries(
            Map.entry("ORDER_PLACED", "Ordre afgivet"),
            Map.entry("CREDIT_APPROVED", "Kreditvurdering godkendt"),
            Map.entry("CREDIT_PENDING", "Kreditvurdering afventer"),
            Map.entry("ORDER_APPROVED", "Ordre godkendt"),
            Map.entry("ORDER_REFUSED", "Ordre afvist ved kreditvurdering"),
            Map.entry("ORDER_LAPSED", "Ordre bortfaldet (ikke accepteret i tide)"),
            Map.entry("ORDER_COMPLETED", "Ordre gennemført"),
            Map.entry("ORDER_WITHDRAWN", "Ordre fortrudt"),
            Map.entry("ACCEPTED_BY_CUSTOMER", "Accepteret skriftligt af kunden"),
            Map.entry("FULFILMENT_REQUESTED", "SIM-kort bestilt hos logistik"),
            Map.entry("SIM_SHIPPED", "SIM-kort afsendt"),
            Map.entry("SIM_DELIVERED", "SIM-kort leveret"),
            Map.entry("SIM_REPLACED", "Nyt SIM-kort"),
            Map.entry("PORT_IN_CASE_OPENED", "Porteringssag oprettet"),
            Map.entry("PORT_IN_REQUESTED", "Portering anmodet hos afgivende operatør"),
            Map.entry("PORT_IN_REJECTED", "Portering afvist af afgivende operatør"),
            Map.entry("PORT_IN_CORRECTED", "Portering rettet"),
            Map.entry("PORT_IN_SCHEDULED", "Portering planlagt"),
            Map.entry("PORT_IN_DELAYED", "Portering forsinket"),
            Map.entry("PORT_IN_INTERRUPTED", "Forbindelsen afbrudt under portering"),
            Map.entry("PORT_IN_FAILED", "Portering fejlet"),
            Map.entry("PORT_IN_COMPLETED", "Portering gennemført"),
            Map.entry("PORT_IN_CANCEL_REQUESTED", "Portering annulleret hos afgivende operatør"),
            Map.entry("PORTED_OUT", "Nummeret porteret ud"),
            Map.entry("ACTIVATION_TRIGGER", "Aktivering udløst"),
            Map.entry("SUBSCRIPTION_ACTIVATED", "Abonnement aktivt"),
            Map.entry("SUBSCRIPTION_ENDED", "Abonnement ophørt"),
            Map.entry("BLOCKED", "SIM-kort spærret"),
            Map.entry("UNBLOCKED", "Linjen åbnet igen"),
            Map.entry("PLAN_CHANGE_SCHEDULED", "Planskift bestilt"),
            Map.entry("PLAN_CHANGED", "Plan skiftet"),
            Map.entry("CANCELLATION_NOTICED", "Opsagt"),
            Map.entry("OWNERSHIP_TRANSFER_LAPSED", "Overdragelse bortfaldet"),
            Map.entry("ENTRY_POSTED", "Bogført"),
            Map.entry("COMPENSATION_GRANTED", "Godtgørelse bevilget"),
            Map.entry("CONTACT_OPENED", "Kontakt åbnet"),
            Map.entry("CONTACT_CLOSED", "Kontakt lukket"),
            Map.entry("CPR_REVEALED", "CPR-nummer vist"),
            Map.entry("CUSTOMER_FOUND", "Kunde fundet ved søgning"),
            Map.entry("BLOCK", "Spærrede SIM-kortet"),
            Map.entry("UNBLOCK", "Åbnede linjen igen"),
            Map.entry("CANCELLATION", "Opsagde abonnementet"),
            Map.entry("PLAN_CHANGE", "Bestilte planskift"),
            Map.entry("PLAN_CHANGE_CANCELLED", "Annullerede planskift"),
            Map.entry("OWNERSHIP_TRANSFER_REQUESTED", "Startede overdragelse"),
            Map.entry("COMPLAINT_OPENED", "Oprettede klage"),
            Map.entry("COMPLAINT_ACKNOWLEDGED", "Kvitterede for klage"),
            Map.entry("COMPLAINT_MARKED_SPECIAL", "Gjorde klagen til særlig sag"),
            Map.entry("COMPLAINT_DECIDED", "Afgjorde klage"),
            Map.entry("COMPENSATION_CLAIMED", "Søgte godtgørelse"),
            Map.entry("COMPENSATION_CLAIM_REFUSED", "Godtgørelse afslået"),
            Map.entry("CONSENT_RECORDED", "Samtykke givet"),
            Map.entry("CONSENT_WITHDRAWN", "Samtykke trukket tilbage"),
            Map.entry("PROFILE_CHANGED", "Ændrede kundens oplysninger"),
            Map.entry("PAYMENT_METHOD_CHANGED", "Ændrede betalingsmåde"));

    /** The label of {@code code}, or null when there is none. */
    static String danish(String code) {
        return code == null ? null : DANISH.get(code);
    }

    private Labels() {}
}
