package dk.flyt.hubsim;

/** How the simulated donor answers a porting request for a number. */
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
    /** Accept, but on execution hold the completion broadcast until {@link HubSimulator#releaseCompletion}. */
    COMPLETE_LATE
}
