package io.taskgraph.application.testing;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.rerun.RerunRequest;
import io.taskgraph.application.rerun.RerunWorkspace;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.InMemorySpecLoader;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything a run/rerun test needs: the in-memory spec loader, the scripted model, the real DuckDB engine and
 * workbook reader, a fixed clock, and every event with the moment it arrived.
 */
public final class RunFixture {
    public static final Instant NOW = Instant.parse("2026-02-01T09:30:00Z");
    public static final String MODEL = "test/model-1";

    /** An event and when it arrived ({@link System#nanoTime()}). */
    public record Timed(long nanos, RunEvent event) {
    }

    public final Path dir;
    public final InMemorySpecLoader specs = InMemorySpecLoader.create();
    public final SqlEngine engine = TestEngine.duckdb();
    public final WorkbookReader workbooks = TestEngine.workbooks();
    public final List<Timed> timed = new CopyOnWriteArrayList<>();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public ScriptedLlmClient llm = ScriptedLlmClient.create();
    private volatile Consumer<RunEvent> onEvent = e -> { };

    public RunFixture(Path dir) {
        this.dir = dir;
    }

    public RunFixture module(InMemorySpec spec) {
        specs.module(spec);
        return this;
    }

    public RunFixture script(Map<String, List<Turn>> turns) {
        turns.forEach((task, list) -> llm.task(task, list.toArray(Turn[]::new)));
        return this;
    }

    /** Also calls {@code action} on every event (from the thread that published it). */
    public void onEvent(Consumer<RunEvent> action) {
        this.onEvent = action;
    }

    public RunListener listener() {
        return event -> {
            timed.add(new Timed(System.nanoTime(), event));
            onEvent.accept(event);
        };
    }

    public Path path(String name) {
        return dir.resolve(name);
    }

    public RunSummary run(String module, String output) {
        return run(module, output, RunOptions.defaults(MODEL), new RunControl());
    }

    public RunSummary run(String module, String output, RunOptions options, RunControl control) {
        RunWorkspace run = new RunWorkspace(specs.forAnotherRun(), workbooks, engine, llm, listener(), clock);
        return run.run(new RunRequest(SpecRequest.of(module, dir), path(output), false, options), control);
    }

    public RunSummary rerun(String source, String output, RerunMode mode) {
        return rerun(request(source, output, mode), new RunControl());
    }

    public RerunRequest request(String source, String output, RerunMode mode) {
        return new RerunRequest(path(source), path(output), false, Optional.empty(), dir, Map.of(), mode, false,
                false, Optional.empty(), RunOptions.defaults("unused/default-model"));
    }

    public RunSummary rerun(RerunRequest request, RunControl control) {
        return new RerunWorkspace(specs.forAnotherRun(), workbooks, engine, llm, listener(), clock)
                .rerun(request, control);
    }

    public List<RunEvent> events() {
        return timed.stream().map(Timed::event).toList();
    }

    public <T extends RunEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public QueryResult query(String db, String sql) {
        try (Workspace workspace = engine.openReadOnly(path(db))) {
            return workspace.query(sql);
        }
    }

    public List<List<Object>> rows(String db, String sql) {
        return query(db, sql).rows();
    }

    /** {@code _workspace_meta} as the file stores it: {@code key -> text}. */
    public Map<String, String> workspaceMeta(String db) {
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        rows(db, "SELECT key, value FROM _workspace_meta ORDER BY key")
                .forEach(row -> meta.put((String) row.get(0), (String) row.get(1)));
        return meta;
    }

    /** {@code _task_meta} as the file stores it: {@code task -> key -> JSON text}. */
    public Map<String, Map<String, String>> taskMeta(String db) {
        Map<String, Map<String, String>> meta = new java.util.LinkedHashMap<>();
        rows(db, "SELECT task, key, value FROM _task_meta ORDER BY task, key").forEach(row -> meta
                .computeIfAbsent((String) row.get(0), t -> new java.util.LinkedHashMap<>())
                .put((String) row.get(1), (String) row.get(2)));
        return meta;
    }

    /**
     * Runs {@code statements} on workspace file {@code db} over plain DuckDB JDBC, outside the tool: to make a
     * workspace look like one an older version (or the original tool) wrote.
     */
    public void rewrite(String db, String... statements) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + path(db));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("rewriting " + db + " failed: " + e.getMessage(), e);
        }
    }

    public static TaskOutcome outcome(RunSummary summary, String task) {
        return summary.tasks().stream().filter(t -> t.task().equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + task + " in " + summary.tasks()));
    }
}
