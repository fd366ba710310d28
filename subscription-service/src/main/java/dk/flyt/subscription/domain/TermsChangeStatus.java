package dk.flyt.subscription.domain;

/** A change of a plan's terms (R-SUB-11): {@code ANNOUNCED} at least a month ahead, {@code EFFECTIVE} from its date. */
public enum TermsChangeStatus {
    ANNOUNCED,
    EFFECTIVE
}
