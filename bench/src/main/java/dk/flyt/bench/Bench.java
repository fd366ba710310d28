package dk.flyt.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** What the benchmarks share: printing a latency distribution (recorded in microseconds), a free port. */
final class Bench {
    static void print(String what, Histogram h) {
        System.out.printf(
                Locale.ROOT,
                "  %-18s p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms  (%d)%n",
                what,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                h.getTotalCount());
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The {@code index}th command-line argument as a number, or {@code fallback} when it is not given. */
    static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** Runs {@code body} on {@code clients} threads (each given its number) and waits for all of them. */
    static void clients(int clients, java.util.function.IntConsumer body) throws InterruptedException {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> body.accept(client), "bench-client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private Bench() {}
}
