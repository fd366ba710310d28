package dk.flyt.system;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the console tests' stack in the background as soon as the run's plan holds a console test, so that Keycloak
 * and the services come up while the tests before them (alphabetically) run; {@link ConsoleStack#get()} then waits
 * for that start instead of beginning its own. A start that fails here is started again, and reported, by the first
 * console test.
 */
public class EarlyConsoleStack implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean consoleTests = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(id -> id.getSource()
                        .filter(source -> source instanceof ClassSource c
                                && c.getClassName().startsWith(EarlyConsoleStack.class.getPackageName() + ".Console"))
                        .isPresent());
        if (!consoleTests) {
            return;
        }
        Thread start = new Thread(
                () -> {
                    try {
                        ConsoleStack.get();
                    } catch (RuntimeException failed) {
                        System.err.println("[console-stack] early start failed; the first console test tries again: "
                                + failed.getMessage());
                    }
                },
                "console-stack-early-start");
        start.setDaemon(true);
        start.start();
    }
}
