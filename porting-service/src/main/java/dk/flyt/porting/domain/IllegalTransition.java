package dk.flyt.porting.domain;

/** A case was asked to move to a state its current state does not lead to. */
public class IllegalTransition extends RuntimeException {
    public IllegalTransition(Object from, Object to) {
        super("a case in " + from + " cannot move to " + to);
    }
}
