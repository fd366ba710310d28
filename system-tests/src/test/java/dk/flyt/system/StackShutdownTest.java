package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.local.ServiceProcess;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs last (alphabetical order): stops the shared stacks (the system tests' and the console tests' local stack) and
 * checks that no service or Keycloak process outlives the run.
 */
class StackShutdownTest {
    @Test
    void noProcessOutlivesTheRun() {
        // the two stacks share nothing: they stop side by side
        var console = java.util.concurrent.CompletableFuture.runAsync(ConsoleStack::stopIfStarted);
        FlytStack stack = FlytStack.get();
        List<Long> pids = stack.all().stream().map(ServiceProcess::pid).toList();
        stack.stop();
        console.join();
        assertThat(stack.all()).noneMatch(ServiceProcess::isAlive);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true)));
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar")
                                || p.info().commandLine().orElse("").contains("keycloak"))
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }
}
