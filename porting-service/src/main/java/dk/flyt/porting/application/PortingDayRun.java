package dk.flyt.porting.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The porting day run (R-PORT-08), the check for late ports (R-PORT-07) and the number sweeps (R-WDR-06). Every
 * replica runs it; each case is taken under a row lock that other replicas skip, so each is acted on once.
 */
@ApplicationScoped
public class PortingDayRun {
    private final PortInExecution portIns;
    private final NumberRegistry numbers;

    public PortingDayRun(PortInExecution portIns, NumberRegistry numbers) {
        this.portIns = portIns;
        this.numbers = numbers;
    }

    @Scheduled(
            identity = "porting-day-run",
            every = "${flyt.porting.scheduler-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        portIns.executeDue();
        numbers.sweepNumbers();
    }
}
