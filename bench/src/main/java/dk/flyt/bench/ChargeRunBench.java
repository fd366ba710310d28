package dk.flyt.bench;

import dk.flyt.billing.application.ChargeRunSql;
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
 * The monthly charge run at scale (issue: a million subscriptions). For each size it seeds that many active
 * subscriptions (and their accounts) into a fresh real PostgreSQL with billing's own migrations, runs the service's
 * own charge-run SQL ({@link ChargeRunSql}) chunk by chunk, each chunk its own transaction, then bulk-loads (COPY) as
 * many equivalent ledger rows into a table of the same shape, and prints both times and their ratio.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.ChargeRunBench
 * [sizes, default 100000,1000000] [chunk size, default 5000]}
 */
public final class ChargeRunBench {
    static final YearMonth MONTH = YearMonth.parse("2026-03");
    /** The business time the run books at: the 1st of the month, 03:00 Copenhagen. */
    static final Instant BOOKED_AT = Instant.parse("2026-03-01T02:00:00Z");

    public record Result(int subscriptions, long charged, double runSeconds, double copySeconds) {
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
        Path work = Files.createTempDirectory("flyt-bench");
        System.out.printf("charge run benchmark, chunk size %d, PostgreSQL in %s%n", chunk, work);
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgres pg = start(work)) {
            for (int size : sizes) {
                Result r = run(pg, size, chunk);
                results.add(r);
                System.out.printf(
                        "%,d subscriptions: charge run %.1f s (%,.0f charges/s); COPY of %,d ledger rows %.1f s;"
                                + " run/COPY = %.2f%n",
                        r.subscriptions(),
                        r.runSeconds(),
                        r.chargesPerSecond(),
                        r.subscriptions(),
                        r.copySeconds(),
                        r.ratio());
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
    public static Result run(EmbeddedPostgres pg, int size, int chunk) throws SQLException, IOException {
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
            c.setAutoCommit(false);
            long charged = 0;
            String last = "";
            long begin = System.nanoTime();
            while (true) {
                ChargeRunSql.Chunk done = ChargeRunSql.chargeChunk(c, MONTH, last, chunk, BOOKED_AT);
                c.commit();
                charged += done.booked();
                if (done.subscriptions() < chunk) {
                    break;
                }
                last = done.lastKey();
            }
            double runSeconds = (System.nanoTime() - begin) / 1e9;
            c.setAutoCommit(true);
            if (charged != size) {
                throw new IllegalStateException("charged " + charged + " of " + size);
            }
            double copySeconds = copyLedgerRows(c, size);
            return new Result(size, charged, runSeconds, copySeconds);
        }
    }

    private static void seed(Connection c, int size) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "COPY account (customer_id, automatic_payment, opened_at, version) FROM STDIN (FORMAT csv)",
                rows(size, i -> "cust-%08d,t,2025-01-01T00:00:00Z,0".formatted(i)));
        LocalDate base = LocalDate.parse("2025-01-01");
        copy.copyIn(
                "COPY billable_subscription (subscription_id, customer_id, plan_code, monthly_price_ore, activated_on,"
                        + " status, version) FROM STDIN (FORMAT csv)",
                rows(size, i -> "sub-%08d,cust-%08d,MOBILE_10GB,%d,%s,ACTIVE,0"
                        .formatted(i, i, 9900 + (i % 5) * 1000, base.plusDays(i % 420))));
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE account");
            s.execute("ANALYZE billable_subscription");
        }
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
