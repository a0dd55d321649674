package io.taskgraph.application.progress;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a run's end and the effort behind it read, wherever they are shown. */
public final class RunWording {
    /** States the verdict counts after "n of m tasks passed", in this order. */
    private static final List<TaskState> COUNTED = List.of(TaskState.REUSED, TaskState.FAILED, TaskState.BLOCKED,
            TaskState.INTERRUPTED, TaskState.NOT_SELECTED);

    private RunWording() {
    }

    /** {@code 3 iterations, 4 tool calls, 1.2k tokens, 4.9s}: what a task (or a whole run) spent. */
    public static String effort(long iterations, long toolCalls, Usage usage, Duration elapsed) {
        return Readable.count(iterations, "iteration", "iterations") + ", "
                + Readable.count(toolCalls, "tool call", "tool calls") + ", " + Readable.tokens(usage.total())
                + " tokens, " + Readable.duration(elapsed);
    }

    public static String effort(TaskOutcome o) {
        return effort(o.iterations(), o.toolCalls(), o.usage(), o.elapsed());
    }

    /** {@code Total: 5 iterations, 6 tool calls, 2.5k tokens, 4.0s.} */
    public static String totals(RunSummary summary) {
        return "Total: " + effort(summary.tasks().stream().mapToLong(TaskOutcome::iterations).sum(),
                summary.tasks().stream().mapToLong(TaskOutcome::toolCalls).sum(), summary.usage(),
                summary.elapsed()) + ".";
    }

    /**
     * One sentence on how the run ended: {@code Done: 4 of 4 tasks passed (3 reused).},
     * {@code Done: 2 of 2 selected tasks passed (2 not selected).} (tasks a selection left out count as neither),
     * {@code Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked, 1 export failed).},
     * {@code Interrupted: ...} or, when something the user must fix stopped it, {@code Stopped: ...}.
     */
    public static String verdict(RunSummary summary) {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        summary.tasks().forEach(t -> counts.merge(TaskState.of(t.status()), 1, Integer::sum));
        int passed = (int) summary.tasks().stream().filter(t -> t.status().passed()).count();
        List<String> parts = new ArrayList<>();
        for (TaskState state : COUNTED) {
            if (counts.getOrDefault(state, 0) > 0) {
                parts.add(counts.get(state) + " " + state.label());
            }
        }
        long failedExports = summary.exports().stream().filter(e -> !e.succeeded()).count();
        if (failedExports > 0) {
            parts.add(Readable.count(failedExports, "export", "exports") + " failed");
        }
        String detail = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        int notSelected = counts.getOrDefault(TaskState.NOT_SELECTED, 0);
        int selected = summary.tasks().size() - notSelected;
        String counted = passed + " of " + (notSelected == 0 ? Readable.count(selected, "task", "tasks")
                : Readable.count(selected, "selected task", "selected tasks")) + " passed" + detail;
        if (summary.stopReason().isPresent()) {
            return "Stopped: " + counted + ". The workspace is valid; the reason follows.";
        }
        if (summary.interrupted()) {
            return "Interrupted: " + counted + ". The workspace is valid and records the interruption.";
        }
        return (summary.succeeded() ? "Done: " : "Finished with failures: ") + counted + ".";
    }

    /** How serious the verdict is: an error when a task or export failed, a warning when interrupted. */
    static ProgressLine.Level level(RunSummary summary) {
        return summary.stopReason().isPresent() ? ProgressLine.Level.ERROR
                : summary.interrupted() ? ProgressLine.Level.WARNING
                : summary.succeeded() ? ProgressLine.Level.INFO : ProgressLine.Level.ERROR;
    }
}
