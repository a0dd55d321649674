package io.taskgraph.adapters.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels a statement that runs longer than the timeout, from the workspace's timer thread. DuckDB's
 * {@code Statement.cancel()} interrupts a statement that is executing within milliseconds and leaves the
 * connection usable. It does nothing once execution has handed over a streaming result, so the reader of the
 * rows also checks {@link Armed#deadlineNanos()} between rows.
 */
final class StatementTimer {
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    StatementTimer(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** One armed timeout for one statement execution. */
    static final class Armed {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final long deadlineNanos;
        private ScheduledFuture<?> future;

        private Armed(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        long deadlineNanos() {
            return deadlineNanos;
        }

        /** Marks the timeout as reached by the reader of the rows. */
        void expire() {
            fired.set(true);
        }

        boolean fired() {
            return fired.get();
        }

        void disarm() {
            future.cancel(false);
        }
    }

    Armed arm(Statement statement) {
        Armed armed = new Armed(System.nanoTime() + timeout.toNanos());
        armed.future = scheduler.schedule(() -> {
            armed.fired.set(true);
            cancelQuietly(statement);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return armed;
    }

    String message() {
        return "The statement ran longer than " + describe(timeout) + " and was cancelled. Make it cheaper: "
                + "filter early, aggregate before joining, avoid cross joins and row-by-row subqueries, or add LIMIT.";
    }

    static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // The statement already finished or was closed: nothing is left to cancel.
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        return millis / 1000 + " s";
    }
}
