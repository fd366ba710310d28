package dk.flyt.porting.hub;

/** What processing a hub message came to. */
public sealed interface Outcome {
    String text();

    /** It changed a case. */
    record Applied(String text) implements Outcome {}

    /** It changed nothing and needs nothing (a duplicate answer, a late message for a closed case). */
    record Ignored(String text) implements Outcome {}

    /** It does not apply yet (it came out of order): try again later. */
    record Deferred(String text) implements Outcome {}

    /** It cannot be processed: the sender is told with an ERROR message carrying {@code code}. */
    record Rejected(String code, String text) implements Outcome {}

    static Outcome applied(String text) {
        return new Applied(text);
    }

    static Outcome ignored(String text) {
        return new Ignored(text);
    }

    static Outcome deferred(String text) {
        return new Deferred(text);
    }

    static Outcome rejected(String code, String text) {
        return new Rejected(code, text);
    }
}
