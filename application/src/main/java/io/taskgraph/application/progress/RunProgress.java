package io.taskgraph.application.progress;

import io.taskgraph.domain.event.RunEvent.InputFileChanged;
import io.taskgraph.domain.event.RunEvent.InputIngested;
import io.taskgraph.domain.event.RunEvent.RerunData;
import io.taskgraph.domain.event.RunEvent.SpecChanged;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run at one moment, as {@link RunTracker} folded it from the run's events: what was announced, every task in
 * display order, what was ingested and exported, and (once it finished) its summary. Immutable.
 *
 * @param elapsed      time since the run was announced; the summary's time once it finished
 * @param rerunData    for a rerun: where its data comes from
 * @param specChange   for a rerun: how the spec differs from the one its source recorded
 * @param changedFiles for a rerun: input files that changed on disk since its source recorded them
 */
public record RunProgress(String specModule, Optional<Path> output, String model, boolean replay,
                          Optional<Instant> startedAt, Optional<Instant> finishedAt, Duration elapsed,
                          List<TaskProgress> tasks, List<InputIngested> inputs, List<String> warnings,
                          List<ExportResult> exports, Optional<RunSummary> summary, Optional<RerunData> rerunData,
                          Optional<SpecChanged> specChange, List<InputFileChanged> changedFiles) {
    public RunProgress {
        changedFiles = List.copyOf(changedFiles);
        tasks = List.copyOf(tasks);
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        exports = List.copyOf(exports);
    }

    public boolean finished() {
        return summary.isPresent();
    }

    public boolean anyRunning() {
        return tasks.stream().anyMatch(t -> t.state() == TaskState.RUNNING);
    }

    public Optional<TaskProgress> task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst();
    }

    /** How many tasks are in each state, states in their declared order, states no task is in left out. */
    public Map<TaskState, Integer> counts() {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        tasks.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts;
    }

    /** Tasks a rerun reused although their definition changed since their views were built, in display order. */
    public List<TaskProgress> reusedButChanged() {
        return tasks.stream().filter(t -> t.state() == TaskState.REUSED && !t.changed().isEmpty()).toList();
    }

    /** Tasks whose outputs are valid (passed or reused). */
    public int passed() {
        return (int) tasks.stream().filter(t -> t.state().passed()).count();
    }

    public Usage usage() {
        return tasks.stream().map(TaskProgress::usage).reduce(Usage.NONE, Usage::plus);
    }

    public int iterations() {
        return tasks.stream().mapToInt(TaskProgress::iteration).sum();
    }

    public int toolCalls() {
        return tasks.stream().mapToInt(TaskProgress::toolCalls).sum();
    }

    public int sqlCount() {
        return tasks.stream().mapToInt(TaskProgress::sqlCount).sum();
    }
}
