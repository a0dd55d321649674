package io.taskgraph.adapters.cli.progress;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.event.RunEvent.LlmRetrying;
import io.taskgraph.domain.event.RunEvent.RunStarted;
import io.taskgraph.domain.event.RunEvent.SqlExecuted;
import io.taskgraph.domain.event.RunEvent.TaskFinished;
import io.taskgraph.domain.event.RunEvent.TaskIteration;
import io.taskgraph.domain.event.RunEvent.TaskStarted;
import io.taskgraph.domain.event.RunEvent.ValidationFailed;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each task of a run stands, folded from run events: the model behind the live display. Events arrive
 * from several task threads at once, so every method is synchronized; {@link #rows} hands out snapshots.
 */
public final class TaskBoard {
    /** A task's state as the user sees it. */
    public enum State {
        WAITING, RUNNING, PASSED, REUSED, FAILED, BLOCKED, INTERRUPTED, NOT_SELECTED;

        public boolean settled() {
            return this != WAITING && this != RUNNING;
        }

        static State of(TaskStatus status) {
            return switch (status) {
                case PASSED -> PASSED;
                case REUSED -> REUSED;
                case FAILED -> FAILED;
                case BLOCKED -> BLOCKED;
                case INTERRUPTED -> INTERRUPTED;
                case NOT_SELECTED -> NOT_SELECTED;
            };
        }
    }

    /** One task's line on the board. {@code elapsed} is measured until now while running. */
    public record Row(String task, TaskKind kind, State state, List<String> waitingFor, int iteration, int sql,
                      int failedSql, long tokens, Duration elapsed, String note) {
    }

    private static final class Entry {
        final String task;
        List<String> dependencies = List.of();
        TaskKind kind = TaskKind.AGENT;
        State state = State.WAITING;
        int iteration;
        int sql;
        int failedSql;
        long tokens;
        Instant started;
        Duration elapsed = Duration.ZERO;
        String note = "";

        Entry(String task) {
            this.task = task;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public synchronized void apply(RunEvent event, Instant now) {
        if (event instanceof RunStarted started) {
            started.dependencies().forEach((task, deps) -> entry(task).dependencies = List.copyOf(deps));
        } else if (event instanceof TaskStarted started) {
            Entry e = entry(started.task());
            e.kind = started.kind();
            e.state = State.RUNNING;
            e.started = now;
            e.note = "";
        } else if (event instanceof TaskIteration iteration) {
            Entry e = entry(iteration.task());
            e.iteration = iteration.iteration();
            e.tokens = iteration.usage().total();
        } else if (event instanceof SqlExecuted sql) {
            Entry e = entry(sql.task());
            e.sql++;
            e.failedSql += sql.success() ? 0 : 1;
        } else if (event instanceof ValidationFailed failed) {
            entry(failed.task()).note = "validation failed, fixing";
        } else if (event instanceof LlmRetrying retry) {
            entry(retry.task()).note = "model call retry " + retry.attempt() + " in " + Formats.duration(retry.delay());
        } else if (event instanceof TaskFinished finished) {
            TaskOutcome o = finished.outcome();
            Entry e = entry(o.task());
            e.kind = o.kind();
            e.state = State.of(o.status());
            e.iteration = Math.max(e.iteration, o.iterations());
            e.tokens = o.usage().total();
            e.elapsed = o.elapsed();
            e.note = o.reason();
        }
    }

    public synchronized List<Row> rows(Instant now) {
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            Duration elapsed = e.state == State.RUNNING && e.started != null ? Duration.between(e.started, now) : e.elapsed;
            List<String> waitingFor = e.state == State.WAITING ? e.dependencies.stream()
                    .filter(d -> entries.containsKey(d) && !entries.get(d).state.settled()).toList() : List.of();
            rows.add(new Row(e.task, e.kind, e.state, waitingFor, e.iteration, e.sql, e.failedSql, e.tokens, elapsed,
                    e.note));
        }
        return rows;
    }

    public synchronized boolean anyRunning() {
        return entries.values().stream().anyMatch(e -> e.state == State.RUNNING);
    }

    private Entry entry(String task) {
        return entries.computeIfAbsent(task, Entry::new);
    }
}
