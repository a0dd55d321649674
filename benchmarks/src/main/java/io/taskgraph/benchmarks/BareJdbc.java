package io.taskgraph.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The baselines that need DuckDB itself, run in a child JVM with {@code taskgraph.jar} on the class path (the
 * driver the product ships): statements on one bare JDBC connection, and a CPU-heavy query alone and as a pair on
 * two connections. Only the work itself is timed (after connecting and one warm-up statement); it prints
 * {@code key=value} lines for the harness.
 *
 * <pre>
 * java -cp taskgraph.jar:classes io.taskgraph.benchmarks.BareJdbc queries DB STATEMENTS_FILE
 * java -cp taskgraph.jar:classes io.taskgraph.benchmarks.BareJdbc pair DB SQL
 * java -cp taskgraph.jar:classes io.taskgraph.benchmarks.BareJdbc slowest WORKSPACE SQL
 * </pre>
 * {@code slowest} reads a finished workspace's {@code _trace}: the longest {@code elapsed_ms} of the statements
 * whose text is {@code SQL}, as the product timed them (from the session receiving the statement to its result).
 */
public final class BareJdbc {
    private BareJdbc() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[1])) {
            warmUp(connection);
            switch (args[0]) {
                case "queries" -> queries(connection, Files.readAllLines(Path.of(args[2])));
                case "pair" -> pair(connection, args[2]);
                case "slowest" -> slowest(connection, args[2]);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void queries(Connection connection, List<String> statements) throws Exception {
        long start = System.nanoTime();
        for (String sql : statements) {
            execute(connection, sql);
        }
        System.out.printf(Locale.ROOT, "seconds=%.6f%nstatements=%d%n", (System.nanoTime() - start) / 1e9, statements.size());
    }

    private static void pair(Connection connection, String sql) throws Exception {
        long start = System.nanoTime();
        execute(connection, sql);
        double alone = (System.nanoTime() - start) / 1e9;
        Connection second = (Connection) connection.getClass().getMethod("duplicate").invoke(connection);
        Connection first = (Connection) connection.getClass().getMethod("duplicate").invoke(connection);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        Connection[] connections = {first, second};
        Exception[] failure = new Exception[1];
        for (int i = 0; i < 2; i++) {
            Connection c = connections[i];
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                    execute(c, sql);
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            threads[i].start();
        }
        start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double together = (System.nanoTime() - start) / 1e9;
        first.close();
        second.close();
        if (failure[0] != null) {
            throw failure[0];
        }
        System.out.printf(Locale.ROOT, "alone=%.6f%ntogether=%.6f%n", alone, together);
    }

    private static void slowest(Connection connection, String sql) throws Exception {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT max(elapsed_ms), count(*) FROM _trace WHERE query = ?")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                System.out.printf(Locale.ROOT, "ms=%.3f%nstatements=%d%n", rs.getDouble(1), rs.getLong(2));
            }
        }
    }

    private static void warmUp(Connection connection) throws Exception {
        execute(connection, "SELECT 1");
    }

    /** Executes and reads every value, as the product does before it answers the model. */
    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            }
        }
    }
}
