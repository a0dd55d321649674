package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.event.RunEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one run as its events describe it: the run's own state and every task's. Thread-safe: task
 * threads apply events while HTTP threads read snapshots.
 */
public final class RunProgress {
    private final Clock clock;
    private final Map<String, TaskTrack> tasks = new LinkedHashMap<>();
    private RunState state = RunState.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private String error = "";

    public RunProgress(Clock clock) {
        this.clock = clock;
    }

    public synchronized RunState state() {
        return state;
    }

    /** Queued to running; a run that already ended (cancelled while queued) stays ended. */
    public synchronized void started() {
        if (state == RunState.QUEUED) {
            state = RunState.RUNNING;
            startedAt = clock.instant();
        }
    }

    public synchronized void finished(RunState end, String errorMessage) {
        state = end;
        error = errorMessage == null ? "" : errorMessage;
        finishedAt = clock.instant();
    }

    /**
     * Applies {@code event}; returns the task it changed, as the {@code task} stream event shows it, if any.
     * Events about tasks the run did not announce are ignored rather than invented.
     */
    public synchronized Optional<Map<String, Object>> apply(RunEvent event) {
        Instant now = clock.instant();
        if (event instanceof RunEvent.RunStarted started) {
            tasks.clear();
            started.dependencies().forEach((task, deps) -> tasks.put(task, new TaskTrack(task, deps)));
            return Optional.empty();
        }
        String name = taskOf(event);
        TaskTrack track = name == null ? null : tasks.get(name);
        if (track == null) {
            return Optional.empty();
        }
        if (event instanceof RunEvent.TaskStarted e) {
            track.started(e.kind().name().toLowerCase(java.util.Locale.ROOT), now);
        } else if (event instanceof RunEvent.TaskIteration e) {
            track.iteration(e.iteration(), e.usage().total(), now);
        } else if (event instanceof RunEvent.SqlExecuted) {
            track.sqlExecuted(now);
        } else if (event instanceof RunEvent.ValidationFailed e) {
            track.validationFailed(e.messages(), now);
        } else if (event instanceof RunEvent.TaskFinished e) {
            track.finished(e.outcome());
        } else {
            return Optional.empty();
        }
        return Optional.of(track.toJson());
    }

    private static String taskOf(RunEvent event) {
        if (event instanceof RunEvent.TaskStarted e) {
            return e.task();
        } else if (event instanceof RunEvent.TaskIteration e) {
            return e.task();
        } else if (event instanceof RunEvent.SqlExecuted e) {
            return e.task();
        } else if (event instanceof RunEvent.ValidationFailed e) {
            return e.task();
        } else if (event instanceof RunEvent.TaskFinished e) {
            return e.outcome().task();
        }
        return null;
    }

    /** The tasks in display order, each with its state and counters. */
    public synchronized List<Map<String, Object>> tasksJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        tasks.values().forEach(t -> out.add(t.toJson()));
        return out;
    }

    /** The DAG's edges, {@code from} a task {@code to} a task that depends on it. */
    public synchronized List<Map<String, Object>> edgesJson() {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (TaskTrack task : tasks.values()) {
            for (String dependency : task.dependsOn()) {
                edges.add(JsonObjects.of("from", dependency, "to", task.task()));
            }
        }
        return edges;
    }

    /** State, times and error message, for the status JSON. */
    public synchronized Map<String, Object> headerJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.wire());
        json.put("started_at", startedAt == null ? null : startedAt.toString());
        json.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        json.put("error", error.isEmpty() ? null : error);
        return json;
    }
}
