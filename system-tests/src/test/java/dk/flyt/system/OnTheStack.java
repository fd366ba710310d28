package dk.flyt.system;

import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that drives the one running stack ({@link FlytStack}, started once per test JVM) through a
 * {@link Journey}: the web shop, logistics, the network, customers, agents and finance over HTTP.
 */
abstract class OnTheStack {
    static FlytStack stack;
    static Journey j;

    @BeforeAll
    static void stack() {
        stack = FlytStack.get();
        j = new Journey(stack);
    }
}
