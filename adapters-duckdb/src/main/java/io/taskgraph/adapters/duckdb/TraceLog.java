package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.WorkspaceException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The workspace's {@code _trace} table, written off the agent's path. A commit in DuckDB syncs the WAL, which
 * costs milliseconds (measured ~3 ms for a one-row INSERT here, more than the whole overhead budget of a guarded
 * statement), so {@link #record} only queues the row under an id taken in statement order, and one writer
 * thread appends what has queued in one transaction on its own connection. The writer lingers up to
 * {@link #LINGER_MILLIS} after the first queued row so that busy sessions share commits (at most ~20 a second
 * instead of one per statement, which on two cores would compete with the agents' own SQL).
 *
 * <p>Durability: a row is on disk within about {@link #LINGER_MILLIS} ms of its statement returning.
 * {@link #flush} writes at once and waits for every row recorded so far; the workspace calls it before its own
 * reads, when a task session closes, on checkpoint and on close. A killed process loses at most the rows of
 * its last {@link #LINGER_MILLIS} ms.
 */
final class TraceLog implements AutoCloseable {
    /** One row of {@code _trace}; {@code rowCount} is null for statements that return no rows. */
    record Entry(long id, LocalDateTime timestamp, String task, String query, boolean success, String error,
                 Long rowCount, double elapsedMs) {
    }

    static final long LINGER_MILLIS = 50;
    private static final int MAX_BATCH = 1000;

    private final DuckDBConnection connection;
    private final Thread writer;
    private final Object lock = new Object();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long nextId;
    private long recordedUpTo;
    private long writtenUpTo;
    private boolean closing;
    private int flushWaiters;
    private WorkspaceException failure;

    TraceLog(DuckDBConnection connection, String fileName) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM _trace")) {
            rs.next();
            nextId = rs.getLong(1) + 1;
        }
        recordedUpTo = nextId - 1;
        writtenUpTo = recordedUpTo;
        writer = new Thread(this::writeLoop, "taskgraph-trace-" + fileName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one row; returns at once. */
    void record(LocalDateTime timestamp, String task, String query, boolean success, String error, Long rowCount,
                double elapsedMs) {
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("the trace of this workspace is closed");
            }
            long id = nextId++;
            queue.add(new Entry(id, timestamp, task, query, success, error, rowCount, elapsedMs));
            recordedUpTo = id;
            // Wake the writer for the first row of a batch or a full one; in between it is lingering anyway.
            if (queue.size() == 1 || queue.size() >= MAX_BATCH) {
                lock.notifyAll();
            }
        }
    }

    /** Returns once every row recorded before this call is committed to {@code _trace}. */
    void flush() {
        synchronized (lock) {
            long target = recordedUpTo;
            boolean interrupted = false;
            flushWaiters++;
            lock.notifyAll();
            try {
                while (writtenUpTo < target && failure == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                flushWaiters--;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    boolean hasPending() {
        synchronized (lock) {
            return writtenUpTo < recordedUpTo;
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            synchronized (lock) {
                closing = true;
                lock.notifyAll();
            }
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                connection.close();
            } catch (SQLException e) {
                // The rows are written; a failing close of the writer's own connection loses nothing.
            }
        }
    }

    private void writeLoop() {
        while (true) {
            List<Entry> batch;
            synchronized (lock) {
                while (queue.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // The writer stops only when the log closes.
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                lingerForMoreRows();
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            WorkspaceException error = null;
            try {
                append(batch);
            } catch (SQLException | RuntimeException e) {
                error = new WorkspaceException("Could not write the SQL trace (_trace) of the workspace: "
                        + e.getMessage(), e);
            }
            synchronized (lock) {
                writtenUpTo = batch.get(batch.size() - 1).id();
                if (error != null && failure == null) {
                    failure = error;
                }
                lock.notifyAll();
            }
        }
    }

    /** Waits (holding the lock's monitor) until the linger time passes, a flush is asked for, or the batch is full. */
    private void lingerForMoreRows() {
        long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000;
        while (!closing && flushWaiters == 0 && queue.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void append(List<Entry> batch) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "_trace")) {
            for (Entry e : batch) {
                appender.beginRow()
                        .append(e.id())
                        .append(e.timestamp())
                        .append(e.task())
                        .append(e.query());
                appender.append(e.success());
                if (e.error() == null) {
                    appender.appendNull();
                } else {
                    appender.append(e.error());
                }
                if (e.rowCount() == null) {
                    appender.appendNull();
                } else {
                    appender.append(e.rowCount().longValue());
                }
                appender.append(e.elapsedMs());
                appender.endRow();
            }
        }
    }
}
