package dk.flyt.bench;

import dk.flyt.billing.application.ChargeRunSql;
import dk.flyt.billing.application.Reconciliations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The monthly charge run at scale (issue: a million subscriptions). For each size it seeds that many live
 * subscriptions (and their accounts, terms and live ranges) into a fresh real PostgreSQL with billing's own
 * migrations: 3% activated in the month before (they are charged that month's rest too, two entries), a fifth on a
 * plan whose price changed some months ago (their price is looked up). It runs the service's own charge-run SQL
 * ({@link ChargeRunSql}) chunk by chunk, each chunk its own transaction; then the service's own reconciliation
 * statement for the month ({@link Reconciliations#COMPARE}); then bulk-loads (COPY) as many equivalent ledger rows into
 * a table of the same shape, and prints the times, their ratio, and one {@code BENCH} line per size.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.ChargeRunBench
 * [sizes, default 100000,1000000] [chunk size, default 5000] [slices side by side, default 2]}
 */
public final class ChargeRunBench {
    static final YearMonth MONTH = YearMonth.parse("2026-03");
    /** The business time the run books at: the 1st of the month, 03:00 Copenhagen. */
    static final Instant BOOKED_AT = Instant.parse("2026-03-01T02:00:00Z");

    public record Result(
            int subscriptions,
            long charged,
            double runSeconds,
            double copySeconds,
            double reconcileSeconds,
            int differences) {
        double ratio() {
            return runSeconds / copySeconds;
        }

        double chargesPerSecond() {
            return charged / runSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 0 ? args[0] : "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("flyt-bench");
        System.out.printf(
                "charge run benchmark, chunk size %d, %d slices side by side, PostgreSQL in %s%n",
                chunk, parallelism, work);
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgres pg = start(work)) {
            for (int size : sizes) {
                Result r = run(pg, size, chunk, parallelism);
                results.add(r);
                System.out.printf(
                        "%,d subscriptions: charge run %.1f s (%,.0f charges/s); COPY of %,d ledger rows %.1f s;"
                                + " run/COPY = %.2f; reconciliation %.1f s, %d differences%n",
                        r.subscriptions(),
                        r.runSeconds(),
                        r.chargesPerSecond(),
                        r.subscriptions(),
                        r.copySeconds(),
                        r.ratio(),
                        r.reconcileSeconds(),
                        r.differences());
                System.out.printf(
                        java.util.Locale.ROOT,
                        "BENCH name=charge-run subscriptions=%d run_s=%.2f copy_s=%.2f ratio_to_copy=%.2f"
                                + " reconciliation_s=%.2f differences=%d%n",
                        r.subscriptions(),
                        r.runSeconds(),
                        r.copySeconds(),
                        r.ratio(),
                        r.reconcileSeconds(),
                        r.differences());
            }
        }
        if (results.size() > 1) {
            Result small = results.get(0);
            Result large = results.get(results.size() - 1);
            double sizeFactor = (double) large.subscriptions() / small.subscriptions();
            System.out.printf(
                    "growth %,d -> %,d: %.1fx the subscriptions took %.1fx the time (linear = %.1fx)%n",
                    small.subscriptions(),
                    large.subscriptions(),
                    sizeFactor,
                    large.runSeconds() / small.runSeconds(),
                    sizeFactor);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "BENCH name=charge-run-growth from=%d to=%d size_factor=%.1f time_factor=%.2f"
                            + " reconciliation_time_factor=%.2f%n",
                    small.subscriptions(),
                    large.subscriptions(),
                    sizeFactor,
                    large.runSeconds() / small.runSeconds(),
                    large.reconcileSeconds() / small.reconcileSeconds());
        }
    }

    static EmbeddedPostgres start(Path work) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("data").toFile())
                .setOverrideWorkingDirectory(work.resolve("bin").toFile())
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .start();
    }

    /** One size in a fresh database: seed, run, copy. */
    public static Result run(EmbeddedPostgres pg, int size, int chunk, int parallelism)
            throws SQLException, IOException {
        String db = "bench_" + size;
        try (Connection admin = pg.getPostgresDatabase().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
        String url = pg.getJdbcUrl("postgres", db);
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/messaging", "classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres")) {
            seed(c, size);
            List<String> repriced = Boolean.getBoolean("flyt.bench.norepriced") ? List.of() : List.of("MOBILE_100GB");
            List<String[]> slices = ChargeRunSql.slices(c, MONTH, parallelism);
            long begin = System.nanoTime();
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(slices.size());
            List<java.util.concurrent.Future<Long>> done = new ArrayList<>();
            for (String[] slice : slices) {
                done.add(pool.submit(() -> chargeSlice(url, slice, chunk, repriced)));
            }
            long charged = 0;
            for (var f : done) {
                try {
                    charged += f.get();
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            pool.shutdown();
            double runSeconds = (System.nanoTime() - begin) / 1e9;
            if (charged != size) {
                throw new IllegalStateException("charged " + charged + " of " + size);
            }
            begin = System.nanoTime();
            int differences = reconcile(c);
            double reconcileSeconds = (System.nanoTime() - begin) / 1e9;
            double copySeconds = copyLedgerRows(c, size);
            return new Result(size, charged, runSeconds, copySeconds, reconcileSeconds, differences);
        }
    }

    /** One slice of the run on a connection of its own, chunk by chunk as the service does; returns what it charged. */
    private static long chargeSlice(String url, String[] slice, int chunk, List<String> repriced) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres")) {
            c.setAutoCommit(false);
            long charged = 0;
            String last = slice[0];
            while (true) {
                ChargeRunSql.Chunk done = ChargeRunSql.chargeChunk(
                        c, MONTH, last, slice[1], chunk, BOOKED_AT, List.of(), List.of(), repriced);
                c.commit();
                charged += done.booked();
                if (done.subscriptions() < chunk
                        || done.lastKey() == null
                        || done.lastKey().equals(slice[1])) {
                    return charged;
                }
                last = done.lastKey();
            }
        }
    }

    /** The reconciliation statement of the service for the month, as of the 2nd; returns the differences. */
    private static int reconcile(Connection c) throws SQLException {
        String sql = Reconciliations.COMPARE
                .replace(":first", "CAST('" + MONTH.atDay(1) + "' AS date)")
                .replace(":next", "CAST('" + MONTH.plusMonths(1).atDay(1) + "' AS date)")
                .replace(":today", "CAST('" + MONTH.atDay(2) + "' AS date)")
                .replace(":days", String.valueOf(MONTH.lengthOfMonth()));
        if (Boolean.getBoolean("flyt.bench.explain")) {
            try (Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (r.next()) {
                    System.out.println(r.getString(1));
                }
            }
        }
        int differences = 0;
        try (Statement s = c.createStatement()) {
            s.execute("SET jit = off");
        }
        try (Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                if (r.getLong(3) != r.getLong(4)) {
                    differences++;
                }
            }
        }
        return differences;
    }

    /** Every 33rd subscription went live in the month before the run; every 5th is on the repriced plan. */
    private static LocalDate activatedOn(int i) {
        LocalDate base = LocalDate.parse("2025-01-01");
        return i % 33 == 0 ? MONTH.minusMonths(1).atDay(1 + i % 28) : base.plusDays(i % 420);
    }

    private static void seed(Connection c, int size) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "COPY account (customer_id, automatic_payment, opened_at, version) FROM STDIN (FORMAT csv)",
                rows(size, i -> "cust-%08d,t,2025-01-01T00:00:00Z,0".formatted(i)));
        copy.copyIn(
                "COPY billable_subscription (subscription_id, customer_id, plan_code, monthly_price_ore, terms_from,"
                        + " activated_on, range_count, status, version) FROM STDIN (FORMAT csv)",
                rows(size, i -> "sub-%08d,cust-%08d,%s,%d,%s,%s,1,ACTIVE,0"
                        .formatted(i, i, plan(i), price(i), activatedOn(i), activatedOn(i))));
        copy.copyIn(
                "COPY subscription_terms (subscription_id, seq, effective_from, plan_code, price_ore)"
                        + " FROM STDIN (FORMAT csv)",
                rows(size, i -> "sub-%08d,1,%s,%s,%d".formatted(i, activatedOn(i), plan(i), price(i))));
        copy.copyIn(
                "COPY billing_period (subscription_id, starts_on) FROM STDIN (FORMAT csv)",
                rows(size, i -> "sub-%08d,%s".formatted(i, activatedOn(i))));
        try (Statement s = c.createStatement()) {
            // the plan's price changed last year for every line on it from that day on
            s.execute("INSERT INTO plan_price (change_id, plan_code, effective_from, price_ore, learned_at)"
                    + " VALUES ('bench', 'MOBILE_100GB', DATE '2025-06-01', 15900, now())");
            s.execute("ANALYZE account");
            s.execute("ANALYZE billable_subscription");
            s.execute("ANALYZE subscription_terms");
            s.execute("ANALYZE billing_period");
        }
    }

    private static String plan(int i) {
        return i % 5 == 0 ? "MOBILE_100GB" : "MOBILE_10GB";
    }

    private static long price(int i) {
        return i % 5 == 0 ? 14_900 : 9_900 + (i % 5) * 1000;
    }

    /** COPY of {@code size} ledger rows like the run's into a table shaped like the ledger; returns seconds. */
    private static double copyLedgerRows(Connection c, int size) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE ledger_copy (LIKE ledger_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long begin = System.nanoTime();
        copy.copyIn(
                "COPY ledger_copy (customer_id, kind, amount_ore, reason, cause, subscription_id, period_month,"
                        + " booked_at) FROM STDIN (FORMAT csv)",
                rows(
                        size,
                        i ->
                                "cust-%08d,CHARGE,-9900,Monthly fee 2026-03,charge:sub-%08d:2026-03,sub-%08d,2026-03-01,2026-03-01T03:00:00Z"
                                        .formatted(i, i, i)));
        return (System.nanoTime() - begin) / 1e9;
    }

    /** CSV rows generated on the fly, so a million rows never sit in memory as one string. */
    private static Reader rows(int size, java.util.function.IntFunction<String> row) {
        return new Reader() {
            private int next;
            private StringReader current = new StringReader("");

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = current.read(buf, off, len);
                while (n == -1) {
                    if (next >= size) {
                        return -1;
                    }
                    StringBuilder b = new StringBuilder(64 * 1024);
                    for (int k = 0; k < 1000 && next < size; k++, next++) {
                        b.append(row.apply(next)).append('\n');
                    }
                    current = new StringReader(b.toString());
                    n = current.read(buf, off, len);
                }
                return n;
            }

            @Override
            public void close() {}
        };
    }

    private ChargeRunBench() {}
}
