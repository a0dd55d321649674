package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryParts;
import io.taskgraph.domain.sql.ReadRules;
import io.taskgraph.domain.sql.StatementKind;
import io.taskgraph.domain.sql.StatementPolicy;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: prints what the guarded path costs, against a baseline measured in the same run. Excluded from
 * the normal build (tag "benchmark"); see BENCHMARKS.md at the repository root for the command.
 *
 * <p>Part 1: the same statements (small SELECTs and CREATE OR REPLACE VIEW) on a bare JDBC connection to an
 * identical database, and through {@link TaskSession#execute} (policy, transaction, return-type check, catalog
 * snapshots, timeout timer, trace, JSON). Bare and guarded runs alternate statement by statement; the overhead
 * is the per-statement difference of each pair. Part 2: a CPU-heavy query on one task session, against the same
 * query on two task sessions at once.
 */
@Tag("benchmark")
class GuardedPathBenchmark {
    private static final int WARMUP = 300;
    private static final int MEASURED = 1500;
    private static final String[] QUERIES = {
        "SELECT region, amount FROM orders WHERE _row_id = 4242",
        "SELECT region, count(*) AS n, sum(amount) AS total FROM orders GROUP BY region ORDER BY region",
        "SELECT * FROM orders ORDER BY _row_id LIMIT 20",
    };
    private static final String VIEW = "CREATE OR REPLACE VIEW bench_view AS SELECT region, sum(amount) AS total "
            + "FROM orders WHERE amount > %d GROUP BY region";
    private static final String CPU_HEAVY = "SELECT max(md5(x::VARCHAR)) AS m FROM range(1500000) t(x)";

    @TempDir
    Path dir;

    @Test
    void printTheCostOfTheGuardedPathAndTheGainOfParallelSessions() throws Exception {
        System.out.println();
        System.out.println("== Guarded path benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, load "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()) + ") ==");
        perStatementOverhead();
        parallelSessions();
    }

    private void perStatementOverhead() throws Exception {
        String setup = "CREATE TABLE orders AS SELECT CAST(range + 1 AS INTEGER) AS _row_id, "
                + "['north', 'south', 'east', 'west'][range % 4 + 1] AS region, range % 1000 AS amount FROM range(10000)";
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("guarded.db"), false);
             Connection bare = bareConnection(dir.resolve("bare.db"))) {
            workspace.query(setup);
            workspace.restrictExternalAccess();
            try (Statement statement = bare.createStatement()) {
                statement.execute(setup);
            }
            Namespace namespace = new Namespace("bench", List.of("bench_view"), List.of("orders"));
            try (TaskSession session = workspace.openTaskSession("bench", namespace)) {
                Samples select = new Samples();
                Samples view = new Samples();
                for (int i = 0; i < WARMUP + MEASURED; i++) {
                    boolean isView = i % 4 == 3;
                    // Every text differs, as an agent's statements do, so no cache anywhere answers for the engine.
                    String sql = isView ? String.format(VIEW, i)
                            : "SELECT * FROM (" + QUERIES[i % 4 % QUERIES.length] + ") q LIMIT " + (100_000 + i);
                    long bareNanos;
                    long guardedNanos;
                    if (i % 2 == 0) {
                        bareNanos = timeBare(bare, sql);
                        guardedNanos = timeGuarded(session, sql);
                    } else {
                        guardedNanos = timeGuarded(session, sql);
                        bareNanos = timeBare(bare, sql);
                    }
                    if (i >= WARMUP) {
                        (isView ? view : select).add(bareNanos, guardedNanos);
                    }
                }
                Samples all = Samples.merge(select, view);
                System.out.println("Per-statement cost, microseconds (" + MEASURED + " statements, 3 SELECTs : 1 VIEW)");
                System.out.printf("  %-22s %10s %10s %14s %14s%n", "", "bare med", "guarded med", "overhead med",
                        "overhead p90");
                select.print("small SELECT");
                view.print("CREATE OR REPLACE VIEW");
                all.print("all");
            }
            long policy = timePolicy(namespace);
            System.out.printf("  of which the statement policy alone: median %.1f us%n", policy / 1000.0);
            readRulesCost(bare, namespace);
        }
    }

    private void parallelSessions() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("parallel.db"), false);
             TaskSession a = workspace.openTaskSession("a", new Namespace("a", List.of()));
             TaskSession b = workspace.openTaskSession("b", new Namespace("b", List.of()))) {
            check(a.execute(CPU_HEAVY));
            check(b.execute(CPU_HEAVY));
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long[] alone = new long[5];
            long[] together = new long[5];
            double[] aloneCores = new double[5];
            double[] togetherCores = new double[5];
            for (int round = 0; round < 5; round++) {
                long cpu = os.getProcessCpuTime();
                alone[round] = timed(() -> check(a.execute(CPU_HEAVY)));
                aloneCores[round] = (double) (os.getProcessCpuTime() - cpu) / alone[round];
                cpu = os.getProcessCpuTime();
                together[round] = concurrently(a, b);
                togetherCores[round] = (double) (os.getProcessCpuTime() - cpu) / together[round];
            }
            System.out.println("Two CPU-heavy queries on two task sessions at once vs one alone (5 rounds)");
            for (int round = 0; round < 5; round++) {
                System.out.printf("  round %d: one alone %4d ms (%.1f cores busy), two together %4d ms (%.1f cores): %.2fx%n",
                        round + 1, alone[round] / 1_000_000, aloneCores[round], together[round] / 1_000_000,
                        togetherCores[round], (double) together[round] / alone[round]);
            }
            Arrays.sort(alone);
            Arrays.sort(together);
            System.out.printf("  median: one alone %d ms, two together %d ms: %.2fx (serialised would be 2.0x; "
                    + "target <= 1.3x)%n", alone[2] / 1_000_000, together[2] / 1_000_000, (double) together[2] / alone[2]);
        }
    }

    private static long concurrently(TaskSession a, TaskSession b) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(3);
        Thread first = new Thread(() -> runAfter(start, a));
        Thread second = new Thread(() -> runAfter(start, b));
        first.start();
        second.start();
        start.await();
        long began = System.nanoTime();
        first.join();
        second.join();
        return System.nanoTime() - began;
    }

    private static void runAfter(java.util.concurrent.CyclicBarrier start, TaskSession session) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        check(session.execute(CPU_HEAVY));
    }

    /**
     * What the read rules add to each statement never seen before: DuckDB's parser (one round trip of
     * json_serialize_sql on a prepared statement), the JSON and the walk of the tree, and the rules; and the Java
     * part alone, from the parser's output.
     */
    private static void readRulesCost(Connection connection, Namespace namespace) throws SQLException {
        ReadRules rules = ReadRules.forTask(namespace, "bare", BuiltinFunctions.names(connection));
        long[] whole = new long[6_000];
        long[] java = new long[6_000];
        try (QueryParser parser = new QueryParser(connection);
             PreparedStatement serialize = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
            for (int i = 0; i < whole.length; i++) {
                // Every text differs, as an agent's statements do: the parser's memory of recent texts never helps.
                boolean isView = i % 4 == 3;
                String sql = isView ? String.format(VIEW, i)
                        : "SELECT * FROM (" + QUERIES[i % 4 % QUERIES.length] + ") q LIMIT " + (100_000 + i);
                StatementKind kind = isView ? StatementKind.CREATE_VIEW : StatementKind.QUERY;
                long began = System.nanoTime();
                if (ReadCheck.refusal(parser, QueryParts.of(sql, kind), rules).isPresent()) {
                    throw new IllegalStateException("refused: " + sql);
                }
                whole[i] = System.nanoTime() - began;
                serialize.setString(1, QueryParts.of(sql, kind).parts().get(0).sql());
                String json;
                try (ResultSet rs = serialize.executeQuery()) {
                    rs.next();
                    json = rs.getString(1);
                }
                began = System.nanoTime();
                Object statement = ((List<?>) Json.parseObject(json).get("statements")).get(0);
                rules.refusal(SyntaxTree.references(statement));
                java[i] = System.nanoTime() - began;
            }
        }
        long[] wholeMeasured = Arrays.copyOfRange(whole, 1_000, whole.length);
        long[] javaMeasured = Arrays.copyOfRange(java, 1_000, java.length);
        Arrays.sort(wholeMeasured);
        Arrays.sort(javaMeasured);
        System.out.printf("  of which the read rules (parse round trip + walk + rules): median %.1f us, p90 %.1f us; "
                        + "the Java part alone (JSON, walk, rules): median %.1f us%n",
                wholeMeasured[wholeMeasured.length / 2] / 1000.0, wholeMeasured[wholeMeasured.length * 9 / 10] / 1000.0,
                javaMeasured[javaMeasured.length / 2] / 1000.0);
    }

    private static long timePolicy(Namespace namespace) {
        long[] samples = new long[20_000];
        for (int i = 0; i < samples.length; i++) {
            String sql = i % 4 == 3 ? String.format(VIEW, i % 500) : QUERIES[i % 3];
            long began = System.nanoTime();
            StatementPolicy.evaluate(sql, namespace);
            samples[i] = System.nanoTime() - began;
        }
        long[] measured = Arrays.copyOfRange(samples, 10_000, samples.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static Connection bareConnection(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    }

    /** Runs {@code sql} on a plain statement and reads every value, as the guarded path does. */
    private static long timeBare(Connection connection, String sql) throws SQLException {
        long began = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                    }
                }
            }
        }
        return System.nanoTime() - began;
    }

    private static long timeGuarded(TaskSession session, String sql) {
        long began = System.nanoTime();
        StatementResult result = session.execute(sql);
        long took = System.nanoTime() - began;
        check(result);
        return took;
    }

    private static long timed(Runnable work) {
        long began = System.nanoTime();
        work.run();
        return System.nanoTime() - began;
    }

    private static void check(StatementResult result) {
        if (!result.success()) {
            throw new IllegalStateException(result.toolJson());
        }
    }

    /** Paired samples: bare and guarded time of the same statement. */
    private static final class Samples {
        private final List<long[]> pairs = new ArrayList<>();

        void add(long bare, long guarded) {
            pairs.add(new long[] {bare, guarded});
        }

        static Samples merge(Samples a, Samples b) {
            Samples all = new Samples();
            all.pairs.addAll(a.pairs);
            all.pairs.addAll(b.pairs);
            return all;
        }

        void print(String label) {
            long[] bare = pairs.stream().mapToLong(p -> p[0]).sorted().toArray();
            long[] guarded = pairs.stream().mapToLong(p -> p[1]).sorted().toArray();
            long[] overhead = pairs.stream().mapToLong(p -> p[1] - p[0]).sorted().toArray();
            System.out.printf("  %-22s %10.0f %10.0f %14.0f %14.0f%n", label, median(bare) / 1000.0,
                    median(guarded) / 1000.0, median(overhead) / 1000.0, overhead[overhead.length * 9 / 10] / 1000.0);
        }

        private static long median(long[] sorted) {
            return sorted[sorted.length / 2];
        }
    }
}
