package dk.flyt.system;

import dk.flyt.local.ServiceProcess;
import dk.flyt.testing.Servers;
import io.restassured.RestAssured;
import java.time.Duration;

/**
 * The faults the system tests inject into the running stack, each with its recovery: a process killed hard (SIGKILL,
 * no shutdown) and started again, the Kafka broker or PostgreSQL stopped (every service's readiness goes DOWN) and
 * started (UP again), the hub answering 503 for a minute of business time.
 */
enum Fault {
    SUBSCRIPTION_KILLED("subscription-service killed"),
    PORTING_KILLED("porting-service killed"),
    BILLING_KILLED("billing-adapter killed"),
    GATEWAY_KILLED("gateway killed"),
    BROKER_RESTARTED("Kafka broker restarted"),
    DATABASE_RESTARTED("PostgreSQL restarted"),
    HUB_UNAVAILABLE("hub answering 503 for a minute of business time");

    final String label;

    Fault(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Injects the fault and recovers from it; answers when the stack was whole again ({@link System#nanoTime()}). */
    long inject(FlytStack stack) {
        switch (this) {
            case BROKER_RESTARTED -> {
                Servers.stopKafka();
                awaitReadiness(stack, 503);
                ServiceProcess.sleep(3_000);
                Servers.startKafka();
                awaitReadiness(stack, 200);
            }
            case DATABASE_RESTARTED -> {
                Servers.stopPostgres();
                awaitReadiness(stack, 503);
                ServiceProcess.sleep(3_000);
                Servers.startPostgres();
                awaitReadiness(stack, 200);
            }
            case HUB_UNAVAILABLE -> {
                // every message to the hub is refused for a while; then a minute of business time has passed
                stack.hub.unavailableFor(Duration.ofMinutes(1));
                ServiceProcess.sleep(3_000);
                stack.setClock(stack.now().plusSeconds(61));
            }
            default -> {
                String name = label.substring(0, label.indexOf(' '));
                ServiceProcess victim = stack.all().stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElseThrow();
                victim.kill();
                if (victim.isAlive()) {
                    throw new AssertionError(name + " outlived SIGKILL");
                }
                ServiceProcess.sleep(1_000);
                stack.restart(victim);
            }
        }
        return System.nanoTime();
    }

    /** Waits until every service's readiness answers {@code status} (503 DOWN, 200 UP). */
    private static void awaitReadiness(FlytStack stack, int status) {
        for (ServiceProcess s : stack.services()) {
            Journey.await(
                    () -> RestAssured.given()
                            .baseUri(s.managementUrl())
                            .get("/q/health/ready")
                            .statusCode(),
                    answered -> answered == status,
                    s.name() + " readiness " + status);
        }
    }
}
