package io.taskgraph.application.progress;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.event.RunEvent.ExportFinished;
import io.taskgraph.domain.event.RunEvent.InputFileChanged;
import io.taskgraph.domain.event.RunEvent.InputIngested;
import io.taskgraph.domain.event.RunEvent.LlmRetrying;
import io.taskgraph.domain.event.RunEvent.RerunData;
import io.taskgraph.domain.event.RunEvent.RunFinished;
import io.taskgraph.domain.event.RunEvent.RunStarted;
import io.taskgraph.domain.event.RunEvent.SpecChanged;
import io.taskgraph.domain.event.RunEvent.SqlExecuted;
import io.taskgraph.domain.event.RunEvent.TaskFinished;
import io.taskgraph.domain.event.RunEvent.TaskIteration;
import io.taskgraph.domain.event.RunEvent.TaskRerunning;
import io.taskgraph.domain.event.RunEvent.TaskReused;
import io.taskgraph.domain.event.RunEvent.TaskStarted;
import io.taskgraph.domain.event.RunEvent.ValidationFailed;
import io.taskgraph.domain.event.RunEvent.Warning;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one model of a run's progress: folds the run's events, in the order they arrive, into where each task
 * stands, and hands out immutable {@link RunProgress} snapshots that the terminal board, the summary and the web
 * page render. Events come from several task threads and snapshots are read from others (a redraw ticker, HTTP
 * requests), so every method is synchronized; nothing a snapshot holds changes afterwards.
 *
 * <p>Tasks appear in the order the run announced them; an event about a task the announcement did not name adds
 * it at the end rather than being lost. A settled task keeps its state until it starts again (a rerun may run a
 * task twice); counters that arrive late from its thread are still counted.
 */
public final class RunTracker {
    private final Clock clock;
    private final Map<String, Track> tasks = new LinkedHashMap<>();
    private final List<InputIngested> inputs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ExportResult> exports = new ArrayList<>();
    private final List<InputFileChanged> changedFiles = new ArrayList<>();
    private RerunData rerunData;
    private SpecChanged specChange;
    private String specModule = "";
    private Path output;
    private String model = "";
    private boolean replay;
    private Instant startedAt;
    private Instant finishedAt;
    private RunSummary summary;

    /** {@code clock} stamps the events as they arrive and measures running tasks' time. */
    public RunTracker(Clock clock) {
        this.clock = clock;
    }

    /** Folds {@code event}; returns the tasks it changed, as they are now (none for run-level events). */
    public synchronized List<TaskProgress> apply(RunEvent event) {
        Instant now = clock.instant();
        List<Track> changed = new ArrayList<>();
        if (event instanceof RunStarted e) {
            announce(e, now);
        } else if (event instanceof Warning e) {
            warnings.add(e.message());
        } else if (event instanceof InputIngested e) {
            inputs.add(e);
        } else if (event instanceof RerunData e) {
            rerunData = e;
        } else if (event instanceof SpecChanged e) {
            specChange = e;
        } else if (event instanceof InputFileChanged e) {
            changedFiles.add(e);
        } else if (event instanceof TaskRerunning e) {
            changed.add(track(e.task()).rerunning(e.reason()));
        } else if (event instanceof TaskReused e) {
            changed.add(track(e.task()).reused(e.changed()));
        } else if (event instanceof TaskStarted e) {
            changed.add(track(e.task()).start(e.kind(), now));
        } else if (event instanceof TaskIteration e) {
            changed.add(track(e.task()).iteration(e.iteration(), e.usage()));
        } else if (event instanceof SqlExecuted e) {
            changed.add(track(e.task()).sql(e.success()));
        } else if (event instanceof ValidationFailed e) {
            changed.add(track(e.task()).validationFailed(e.messages()));
        } else if (event instanceof LlmRetrying e) {
            changed.add(track(e.task()).retrying("model call retry " + e.attempt() + " in " + Readable.duration(e.delay())));
        } else if (event instanceof TaskFinished e) {
            changed.addAll(settle(e.outcome()));
        } else if (event instanceof ExportFinished e) {
            exports.add(e.result());
        } else if (event instanceof RunFinished e) {
            changed.addAll(finish(e.summary(), now));
        }
        return changed.stream().map(t -> t.snapshot(now)).toList();
    }

    /** The run as it stands now. */
    public synchronized RunProgress snapshot() {
        Instant now = clock.instant();
        Duration elapsed = summary != null ? summary.elapsed()
                : startedAt != null ? Duration.between(startedAt, now) : Duration.ZERO;
        return new RunProgress(specModule, Optional.ofNullable(output), model, replay, Optional.ofNullable(startedAt),
                Optional.ofNullable(finishedAt), elapsed, tasks.values().stream().map(t -> t.snapshot(now)).toList(),
                inputs, warnings, exports, Optional.ofNullable(summary), Optional.ofNullable(rerunData),
                Optional.ofNullable(specChange), changedFiles);
    }

    private void announce(RunStarted e, Instant now) {
        specModule = e.specModule();
        output = e.output();
        model = e.model();
        replay = e.replay();
        startedAt = now;
        Map<String, Track> announced = new LinkedHashMap<>();
        e.dependencies().forEach((task, dependsOn) -> announced.put(task, new Track(task, dependsOn)));
        tasks.forEach(announced::putIfAbsent);
        tasks.clear();
        tasks.putAll(announced);
    }

    /** The settled task, and when it passed the tasks waiting on it: they wait for one task fewer. */
    private List<Track> settle(TaskOutcome outcome) {
        Track settled = track(outcome.task());
        settled.settle(outcome, blockedBy(settled, outcome));
        List<Track> changed = new ArrayList<>();
        changed.add(settled);
        if (settled.state.passed()) {
            tasks.values().stream()
                    .filter(t -> t.state == TaskState.WAITING && t.dependsOn.contains(outcome.task()))
                    .forEach(changed::add);
        }
        return changed;
    }

    private List<String> blockedBy(Track task, TaskOutcome outcome) {
        if (TaskState.of(outcome.status()) != TaskState.BLOCKED) {
            return List.of();
        }
        return task.dependsOn.stream().filter(d -> tasks.containsKey(d) && !tasks.get(d).state.passed()).toList();
    }

    /** The summary is the last word on every task: any outcome not yet seen is folded in. */
    private List<Track> finish(RunSummary finished, Instant now) {
        List<Track> changed = new ArrayList<>();
        for (TaskOutcome outcome : finished.tasks()) {
            Track track = tasks.get(outcome.task());
            if (track == null || track.state != TaskState.of(outcome.status())) {
                changed.addAll(settle(outcome));
            }
        }
        exports.clear();
        exports.addAll(finished.exports());
        summary = finished;
        finishedAt = now;
        return changed.stream().distinct().toList();
    }

    private Track track(String task) {
        return tasks.computeIfAbsent(task, name -> new Track(name, List.of()));
    }

    /** One task's mutable state; only touched under the tracker's lock. */
    private final class Track {
        final String task;
        final List<String> dependsOn;
        TaskKind kind;
        TaskState state = TaskState.WAITING;
        List<String> blockedBy = List.of();
        int iteration;
        int sqlCount;
        int failedSql;
        int toolCalls;
        Usage usage = Usage.NONE;
        Instant started;
        Duration elapsed = Duration.ZERO;
        String note = "";
        /** A retry of the current model call: shown instead of the note until the next call starts. */
        String retry = "";
        String reason = "";
        List<String> failures = List.of();
        /** Why a rerun runs the task again; the reason it shows until a failure gives another. */
        String rerunReason = "";
        List<String> changedFields = List.of();

        Track(String task, List<String> dependsOn) {
            this.task = task;
            this.dependsOn = List.copyOf(dependsOn);
        }

        /** A new attempt: the counters start again. */
        Track start(TaskKind startedKind, Instant now) {
            kind = startedKind;
            state = TaskState.RUNNING;
            started = now;
            iteration = 0;
            sqlCount = 0;
            failedSql = 0;
            toolCalls = 0;
            usage = Usage.NONE;
            elapsed = Duration.ZERO;
            note = "";
            retry = "";
            failures = List.of();
            blockedBy = List.of();
            reason = rerunReason;
            return this;
        }

        Track rerunning(String why) {
            rerunReason = "re-run: " + why;
            reason = rerunReason;
            return this;
        }

        Track reused(List<String> fields) {
            changedFields = List.copyOf(fields);
            return this;
        }

        Track iteration(int number, Usage soFar) {
            iteration = number;
            usage = soFar;
            retry = "";
            return this;
        }

        Track sql(boolean success) {
            sqlCount++;
            failedSql += success ? 0 : 1;
            return this;
        }

        Track validationFailed(List<String> messages) {
            failures = List.copyOf(messages);
            note = kind == TaskKind.SQL ? "validation failed" : "validation failed, fixing";
            return this;
        }

        Track retrying(String text) {
            retry = text;
            return this;
        }

        void settle(TaskOutcome outcome, List<String> blocked) {
            kind = outcome.kind();
            state = TaskState.of(outcome.status());
            blockedBy = blocked;
            iteration = Math.max(iteration, outcome.iterations());
            toolCalls = outcome.toolCalls();
            usage = outcome.usage();
            elapsed = outcome.elapsed();
            note = "";
            retry = "";
            reason = outcome.reason().isBlank() ? rerunReason : outcome.reason();
            failures = outcome.failures();
        }

        TaskProgress snapshot(Instant now) {
            List<String> waitingFor = state != TaskState.WAITING ? List.of() : dependsOn.stream()
                    .filter(d -> !tasks.containsKey(d) || !tasks.get(d).state.passed()).toList();
            Duration shown = state == TaskState.RUNNING && started != null ? Duration.between(started, now) : elapsed;
            return new TaskProgress(task, Optional.ofNullable(kind), state, dependsOn, waitingFor, blockedBy,
                    iteration, sqlCount, failedSql, toolCalls, usage, shown, retry.isEmpty() ? note : retry, reason, failures,
                    changedFields);
        }
    }
}
