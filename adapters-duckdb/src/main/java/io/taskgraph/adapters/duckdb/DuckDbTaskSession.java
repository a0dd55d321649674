package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import io.taskgraph.domain.sql.SqlLexer;
import io.taskgraph.domain.sql.StatementKind;
import io.taskgraph.domain.sql.StatementResult;
import io.taskgraph.domain.sql.StatementVerdict;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * One task's own DuckDB connection ({@code duplicate()} of the workspace's), so concurrent tasks run SQL truly
 * in parallel. An agent statement passes, in order:
 * <ol>
 *   <li>the statement policy, in Java, before any text reaches the driver (the driver would execute all but
 *       the last statement of a multi-statement text while merely preparing it); only the one statement the
 *       policy read is sent on, without trailing semicolons or comments;</li>
 *   <li>a transaction: queries run in {@code BEGIN TRANSACTION READ ONLY}, so nothing a query-looking statement
 *       might do can write; CREATE/DROP run in {@code BEGIN} between two {@link CatalogSnapshot}s and are
 *       rolled back when they changed anything but the task's own views and macros;</li>
 *   <li>the read sandbox ({@link SessionSandbox}), inside that transaction before the statement runs: DuckDB's
 *       parser reads the statement's queries (a view's or macro's body too) and every table, view and function
 *       they name must be one the task may read or call; after a CREATE or DROP, the definitions DuckDB stored
 *       and the views depending on what changed are checked again before the commit;</li>
 *   <li>the driver's account of what the statement did (returned rows, changed rows, or neither), which must
 *       match the policy's classification, else the transaction is rolled back. (Asking before executing would
 *       need a separate prepare: measured at about a third of a small query's cost, while the transaction
 *       already undoes whatever such a statement did.)</li>
 *   <li>a timeout that cancels the statement (the connection stays usable), and a limit on the result's JSON
 *       that stops reading rows as soon as it is passed.</li>
 * </ol>
 * Every agent statement, allowed or refused, is queued for {@code _trace}.
 */
final class DuckDbTaskSession implements TaskSession {
    private static final String BEGIN_READ_ONLY = "BEGIN TRANSACTION READ ONLY";
    private static final String BEGIN = "BEGIN TRANSACTION";
    private static final String COMMIT = "COMMIT";
    private static final String ROLLBACK = "ROLLBACK";
    private static final List<String> PREPARED_AHEAD = List.of(BEGIN_READ_ONLY, BEGIN, COMMIT, ROLLBACK,
            CatalogSnapshot.FOR_VIEWS);

    private final String task;
    private final Namespace namespace;
    private final DuckDBConnection connection;
    private final DuckDbSettings settings;
    private final TraceLog trace;
    private final StatementTimer timer;
    private final Runnable onClose;
    private final String database;
    /** Transaction statements and catalog snapshots, prepared at first use: a task uses only some of them. */
    private final PreparedStatements statements;
    private final SessionSandbox sandbox;
    private final RelationDescriber describer;
    /**
     * Relations described since the last statement that could change one (any agent statement, any read): a task's
     * output is described by the check after its CREATE and again by the validation after the agent's last answer.
     * Only this session can change its own views, and it runs one call at a time.
     */
    private final Map<String, Optional<RelationInfo>> described = new HashMap<>();
    private ScheduledFuture<?> preparingAhead;
    private volatile Statement running;
    private volatile boolean cancelRequested;
    private boolean readOnlyOpen;
    private StatementTimer.Armed armed;
    private boolean closed;

    DuckDbTaskSession(String task, Namespace namespace, String database, DuckDBConnection connection,
                      DuckDbSettings settings, TraceLog trace, ScheduledExecutorService scheduler,
                      RelationDescriber describer, Runnable onClose) throws SQLException {
        this.task = task;
        this.namespace = namespace;
        this.connection = connection;
        this.settings = settings;
        this.trace = trace;
        this.timer = new StatementTimer(scheduler, settings.statementTimeout());
        this.onClose = onClose;
        this.database = database;
        this.statements = new PreparedStatements(connection);
        this.sandbox = new SessionSandbox(namespace, connection, database, settings);
        this.describer = describer;
    }

    /**
     * Prepares, {@code delay} after the session opened, the statements a task's first query or change needs: its
     * parser, its transaction statements and the catalog snapshot of a view change. Preparing them costs a task
     * ~2 ms of CPU; done at the first statement, it falls where the tasks of a layer, which started together,
     * also run their first statements together on the same cores, while after the delay it falls in the wait for
     * the model's first answer, when the cores are idle. A statement that comes first prepares what it needs
     * itself, as it would without this.
     */
    synchronized void prepareAheadAfter(Duration delay, ScheduledExecutorService scheduler) {
        preparingAhead = scheduler.schedule(this::prepareAhead, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized void prepareAhead() {
        if (closed) {
            return;
        }
        try {
            sandbox.prepare();
            for (String sql : PREPARED_AHEAD) {
                statements.get(sql);
            }
        } catch (SQLException e) {
            // Nothing is lost: the statement that needs it prepares it again and reports what fails.
        }
    }

    /** Whether the statements a first query or change needs are prepared (a closed session's are not). */
    synchronized boolean isPreparedAhead() throws SQLException {
        for (String sql : PREPARED_AHEAD) {
            if (!statements.isPrepared(sql)) {
                return false;
            }
        }
        return sandbox.isPrepared();
    }

    /** What one statement came to; {@code rowCount} is null for statements that return no rows. */
    private record Outcome(boolean success, String toolJson, Long rowCount, String error, List<String> changed,
                           List<CatalogSnapshot.Change> changes) {
        static Outcome failed(String error) {
            return failed(error, null);
        }

        static Outcome failed(String error, Long rowCount) {
            return new Outcome(false, ToolJson.error(error), rowCount, error, List.of(), List.of());
        }

        static Outcome message(String message, List<CatalogSnapshot.Change> changes) {
            return new Outcome(true, ToolJson.message(message), null, null,
                    changes.stream().map(c -> c.key().name()).distinct().toList(), changes);
        }
    }

    @Override
    public synchronized StatementResult execute(String sql) {
        requireOpen();
        described.clear();
        LocalDateTime at = LocalDateTime.now();
        long started = System.nanoTime();
        cancelRequested = false;
        armed = null;
        String text = sql == null ? "" : sql;
        Outcome outcome;
        try {
            outcome = run(text);
        } catch (RuntimeException e) {
            // The statement still lands in the trace, then the failure goes to the caller.
            trace.record(at, task, text, false, "internal error: " + e.getMessage(), null,
                    (System.nanoTime() - started) / 1_000_000.0);
            throw e;
        }
        double elapsedMs = (System.nanoTime() - started) / 1_000_000.0;
        trace.record(at, task, text, outcome.success(), outcome.error(), outcome.rowCount(), elapsedMs);
        return new StatementResult(outcome.success(), outcome.toolJson(),
                outcome.rowCount() == null ? 0 : outcome.rowCount(), outcome.error(), outcome.changed(),
                Math.round(elapsedMs));
    }

    private Outcome run(String sql) {
        StatementVerdict verdict = settings.policy().apply(sql, namespace);
        if (verdict instanceof StatementVerdict.Denied denied) {
            return Outcome.failed(denied.reason());
        }
        StatementVerdict.Allowed allowed = (StatementVerdict.Allowed) verdict;
        StatementKind kind = allowed.kind();
        List<String> statements;
        try {
            statements = SqlLexer.splitStatements(sql);
        } catch (RuntimeException e) {
            return Outcome.failed("The SQL text could not be read: " + e.getMessage());
        }
        if (statements.size() != 1) {
            return Outcome.failed("Only one statement per call: this text holds " + statements.size()
                    + " statements. Send each statement in its own call.");
        }
        try {
            return kind == StatementKind.QUERY ? agentQuery(statements.get(0))
                    : change(statements.get(0), kind, allowed.objectName());
        } catch (SQLException e) {
            throw new WorkspaceException("The database connection of task '" + task + "' failed while starting or "
                    + "ending a statement's transaction: " + Sql.shortMessage(e), e);
        }
    }

    /**
     * A query, in a read-only transaction: it cannot write, whatever it turns out to be. After a query that
     * succeeded the transaction stays open for the next one (an agent sends runs of queries; a BEGIN and a
     * ROLLBACK per query cost ~0.3 ms, a third of a small query); anything else ends it first (see
     * {@link #endReadOnly}), and a query that failed, was refused or stopped ends it, undoing whatever it did.
     */
    private Outcome agentQuery(String sql) throws SQLException {
        if (!readOnlyOpen) {
            beginTransaction(BEGIN_READ_ONLY);
            readOnlyOpen = true;
        }
        boolean keepOpen = false;
        try (Statement statement = connection.createStatement()) {
            Optional<String> refusal = sandbox.statementRefusal(sql, StatementKind.QUERY, null);
            if (refusal.isPresent()) {
                return Outcome.failed(refusal.get());
            }
            ToolJson.Rows rows = runWithTimeout(statement, () -> {
                if (!statement.execute(sql)) {
                    return null;
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return ToolJson.rows(rs, settings.resultLimitChars(), armed.deadlineNanos());
                }
            });
            if (rows == null) {
                return Outcome.failed("Refused and undone: the database reports that this statement returns no "
                        + "rows, so it is not a query. Tasks run queries and create or drop their own views and macros.");
            }
            if (rows.timedOut()) {
                armed.expire();
                return Outcome.failed(timer.message(), rows.rowCount());
            }
            if (rows.tooLarge()) {
                return Outcome.failed(ToolJson.tooLargeMessage(settings.resultLimitChars(), rows.rowCount()),
                        rows.rowCount());
            }
            keepOpen = !cancelRequested && !armed.fired(); // a cancel may have hit the transaction, not the query
            return new Outcome(true, rows.json(), rows.rowCount(), null, List.of(), List.of());
        } catch (SQLException e) {
            return Outcome.failed(interruption().orElseGet(() -> Sql.message(e)));
        } finally {
            if (!keepOpen) {
                endReadOnly();
            }
        }
    }

    /**
     * Ends the read-only transaction the last queries ran in, if one is open: before a change (which needs its
     * own transaction), before the application's reads (which run as they would alone), and on close.
     */
    private void endReadOnly() {
        readOnlyOpen = false;
        rollbackQuietly();
    }

    /** CREATE/DROP of a view or macro: kept only when it changed nothing but the task's own views and macros. */
    private Outcome change(String sql, StatementKind kind, String objectName) throws SQLException {
        if (readOnlyOpen) {
            endReadOnly();
        }
        beginTransaction(BEGIN);
        Outcome outcome;
        try {
            Optional<String> refusal = sandbox.statementRefusal(sql, kind, objectName);
            outcome = refusal.isPresent() ? Outcome.failed(refusal.get())
                    : changeInTransaction(sql, kind == StatementKind.CREATE_MACRO || kind == StatementKind.DROP_MACRO);
        } catch (SQLException e) {
            outcome = Outcome.failed(interruption().orElseGet(() -> Sql.message(e)));
        }
        if (!outcome.success() || outcome.changed().isEmpty()) {
            rollbackQuietly();
            return outcome;
        }
        try {
            statements.get(COMMIT).execute();
            sandbox.committed(outcome.changes());
            return outcome;
        } catch (SQLException e) {
            rollbackQuietly();
            return Outcome.failed("The change could not be saved: " + Sql.message(e));
        }
    }

    private Outcome changeInTransaction(String sql, boolean macros) throws SQLException {
        CatalogSnapshot before = CatalogSnapshot.take(snapshotQuery(macros));
        try (Statement statement = connection.createStatement()) {
            boolean returnsRows = runWithTimeout(statement, () -> statement.execute(sql));
            if (returnsRows || statement.getUpdateCount() >= 0) {
                return Outcome.failed("Rolled back: the database reports that this statement "
                        + (returnsRows ? "returns rows" : "changes rows of a table") + ", which no CREATE or DROP of "
                        + "a view or macro does. Tasks never change data; express results as views.");
            }
        }
        CatalogSnapshot after = CatalogSnapshot.take(snapshotQuery(macros));
        List<CatalogSnapshot.Change> changes = before.changesTo(after);
        List<CatalogSnapshot.Change> outside = changes.stream().filter(c -> !isOwn(c)).toList();
        if (!outside.isEmpty()) {
            return Outcome.failed("Rolled back: this statement " + String.join(", ",
                    outside.stream().map(CatalogSnapshot.Change::describe).toList()) + ", outside what task '" + task
                    + "' may change. Tasks may only create, replace or drop views and macros named "
                    + namespace.describe() + " in the workspace's main schema; they never create tables or schemas, "
                    + "attach databases or change data.");
        }
        if (changes.isEmpty()) {
            // Nothing visible changed (e.g. IF NOT EXISTS on an existing view): there is nothing to keep either.
            return Outcome.message("The statement ran and changed nothing.", List.of());
        }
        Optional<String> unsafe = sandbox.changeProblem(changes, after);
        if (unsafe.isPresent()) {
            return Outcome.failed(unsafe.get());
        }
        String message = String.join("; ", changes.stream().map(DuckDbTaskSession::describeOwn).toList()) + ".";
        return Outcome.message(message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1), changes);
    }

    private static String describeOwn(CatalogSnapshot.Change change) {
        String temporary = change.key().database().equals("temp") ? "temporary " : "";
        return change.action().name().toLowerCase(Locale.ROOT) + " " + temporary + change.key().kind() + " "
                + change.key().name();
    }

    private boolean isOwn(CatalogSnapshot.Change change) {
        CatalogSnapshot.Key key = change.key();
        boolean viewOrMacro = key.kind().equals("view") || key.kind().equals("macro");
        boolean mainSchema = key.schema().equals("main")
                && (key.database().equals(database) || key.database().equals("temp"));
        return viewOrMacro && mainSchema && namespace.allows(key.name());
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run() throws SQLException;
    }

    private <T> T runWithTimeout(Statement statement, Execution<T> execution) throws SQLException {
        armed = timer.arm(statement);
        running = statement;
        try {
            return execution.run();
        } finally {
            running = null;
            armed.disarm();
        }
    }

    private PreparedStatement snapshotQuery(boolean macros) throws SQLException {
        return statements.get(macros ? CatalogSnapshot.FOR_MACROS : CatalogSnapshot.FOR_VIEWS);
    }

    /** Why the failed statement stopped, when it was stopped rather than refused by the database. */
    private Optional<String> interruption() {
        if (cancelRequested) {
            return Optional.of("The statement was cancelled because the run is stopping.");
        }
        if (armed != null && armed.fired()) {
            return Optional.of(timer.message());
        }
        return Optional.empty();
    }

    /** Starts a transaction, first ending one a failed statement may have left open. */
    private void beginTransaction(String beginStatement) throws SQLException {
        try {
            statements.get(beginStatement).execute();
        } catch (SQLException e) {
            rollbackQuietly();
            statements.get(beginStatement).execute();
        }
    }

    private void rollbackQuietly() {
        try {
            statements.get(ROLLBACK).execute();
        } catch (SQLException e) {
            // No transaction was open any more (DuckDB ends one whose commit failed): nothing to undo.
        }
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        Statement statement = running;
        if (statement != null) {
            StatementTimer.cancelQuietly(statement);
        }
    }


    /** An unguarded, untraced read for the application (validation), with the same timeout; cancel() stops it. */
    @Override
    public synchronized QueryResult query(String sql, List<Object> parameters) {
        requireOpen();
        described.clear();
        if (readOnlyOpen) {
            endReadOnly();
        }
        try {
            return SqlReads.query(connection, sql, parameters, timer, statement -> running = statement);
        } finally {
            running = null;
        }
    }

    @Override
    public synchronized Optional<RelationInfo> describe(String name) {
        requireOpen();
        String key = name.toLowerCase(Locale.ROOT);
        Optional<RelationInfo> known = described.get(key);
        if (known == null) {
            known = describer.describe(name); // committed relations, on the connection the sessions share
            described.put(key, known);
        }
        return known;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (preparingAhead != null) {
            preparingAhead.cancel(false);
        }
        if (readOnlyOpen) {
            endReadOnly();
        }
        try {
            trace.flush();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new WorkspaceException("Could not close the database connection of task '" + task + "': "
                        + Sql.shortMessage(e), e);
            } finally {
                onClose.run();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the session of task '" + task + "' is closed");
        }
    }
}
