package dk.flyt.hubsim;

/** How the simulated donor answers a porting request for a number, and how the hub routes it once executed. */
public enum Behaviour {
    /** Accept for the requested date if the ICCID matches the donor's subscriber (if one is registered). */
    ACCEPT,
    /** Reject: the ICCID does not match. */
    REJECT_WRONG_ICCID,
    /** Reject: the donor does not know the number. */
    REJECT_UNKNOWN_NUMBER,
    /** Answer "delayed" at once, accept after the configured lateness. */
    ANSWER_LATE,
    /** Accept twice, with two different message ids. */
    ANSWER_TWICE,
    /** Send "delayed" and "accept", delivering the later-written accept first. */
    OUT_OF_ORDER,
    /** Hold the first answer until {@link HubSimulator#releaseAnswers}: it arrives whenever the test says. */
    HOLD_ANSWER,
    /** Accept, but for a week after the requested date (a donor that makes the customer wait, R-PORT-07). */
    PROPOSE_LATER_DATE,
    /**
     * Accept; on execution every network routes except those withheld ({@link HubSimulator#withhold}, by default the
     * last network), until {@link HubSimulator#releaseRouting}: a partial routing, a delayed port (R-PORT-06).
     */
    PARTIAL_ROUTING,
    /** Accept; on execution no network routes until {@link HubSimulator#releaseRouting}: an interruption. */
    NO_ROUTING,
    /** The same as {@link #NO_ROUTING}: the completion is held until {@link HubSimulator#releaseCompletion}. */
    COMPLETE_LATE
}
