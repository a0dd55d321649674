package io.taskgraph.domain.testing;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs told as event sequences, for the tests of everything that renders a run: the diamond of the README
 * ({@code prep} feeds {@code sales} and {@code costs}, both feed {@code report}), once with {@code costs} failing,
 * once with a selection, and once as a rerun after edits; and a one-task run passing with an export. Paths lie
 * under the {@code base} the test gives.
 */
public final class ScriptedRun {
    public static final String SPEC = "my_app.specs.main";
    public static final String MODEL = "openai/gpt-5.2";

    private ScriptedRun() {
    }

    /** The diamond's tasks in spec order, each with the tasks it depends on. */
    public static Map<String, List<String>> diamond() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("prep", List.of());
        deps.put("sales", List.of("prep"));
        deps.put("costs", List.of("prep"));
        deps.put("report", List.of("sales", "costs"));
        return deps;
    }

    public static RunEvent.RunStarted started(Path base) {
        return new RunEvent.RunStarted(SPEC, base.resolve("out.db"), MODEL, diamond(), false);
    }

    public static TaskOutcome passed(String task, int iterations, int toolCalls, long prompt, long completion, long millis) {
        return new TaskOutcome(task, TaskKind.AGENT, TaskStatus.PASSED, iterations, toolCalls,
                new Usage(prompt, completion, 0, 0), Duration.ofMillis(millis), "", List.of(), "done");
    }

    public static TaskOutcome failed(String task, String reason, List<String> failures) {
        return new TaskOutcome(task, TaskKind.AGENT, TaskStatus.FAILED, 200, 412, new Usage(2_000_000, 100_000, 0, 0),
                Duration.ofSeconds(192), reason, failures, "");
    }

    public static final TaskOutcome PREP = passed("prep", 3, 4, 1000, 200, 4900);
    public static final TaskOutcome SALES = passed("sales", 2, 2, 500, 100, 1200);
    public static final TaskOutcome COSTS = failed("costs", "iteration budget of 200 model calls spent",
            List.of("View 'costs_summary' does not exist."));
    public static final TaskOutcome REPORT_BLOCKED = TaskOutcome.blocked("report", TaskKind.AGENT,
            "Not run because upstream task 'costs' failed.");

    /** Every kind of event but an export: {@code costs} fails, so {@code report} is blocked and nothing exports. */
    public static List<RunEvent> withFailure(Path base) {
        RunSummary summary = new RunSummary(base.resolve("out.db"), List.of(PREP, SALES, COSTS, REPORT_BLOCKED),
                List.of(), Duration.ofSeconds(200), false);
        return List.of(
                started(base),
                new RunEvent.Warning("spec has uncommitted changes"),
                new RunEvent.InputIngested("transactions", 1200, Duration.ofMillis(40)),
                new RunEvent.TaskStarted("prep", TaskKind.AGENT),
                new RunEvent.TaskIteration("prep", 1, Usage.NONE),
                new RunEvent.SqlExecuted("prep", "SELECT *\nFROM transactions LIMIT 5", true, null, 5, 3),
                new RunEvent.SqlExecuted("prep", "CREATE TABLE t AS SELECT 1", false,
                        "Only views and macros may be created.", 0, 1),
                new RunEvent.TaskIteration("prep", 2, new Usage(900, 100, 0, 0)),
                new RunEvent.ValidationFailed("prep", List.of("View 'prepared_sales' does not exist.",
                        "View 'prepared_costs' does not exist.")),
                new RunEvent.LlmRetrying("prep", 1, Duration.ofSeconds(3), "HTTP 429 rate limited"),
                new RunEvent.TaskFinished(PREP),
                new RunEvent.TaskStarted("sales", TaskKind.AGENT),
                new RunEvent.TaskStarted("costs", TaskKind.AGENT),
                new RunEvent.TaskFinished(SALES),
                new RunEvent.TaskFinished(COSTS),
                new RunEvent.TaskFinished(REPORT_BLOCKED),
                new RunEvent.RunFinished(summary));
    }

    /** A one-task run that passes and writes its export. */
    public static List<RunEvent> passingWithExport(Path base) {
        TaskOutcome prep = passed("prep", 1, 1, 10, 5, 300);
        ExportResult export = new ExportResult("report.csv", base.resolve("exports/report.csv"), Optional.empty());
        return List.of(
                new RunEvent.RunStarted(SPEC, base.resolve("out.db"), MODEL, Map.of("prep", List.of()), true),
                new RunEvent.TaskStarted("prep", TaskKind.AGENT),
                new RunEvent.TaskFinished(prep),
                new RunEvent.ExportFinished(export),
                new RunEvent.RunFinished(new RunSummary(base.resolve("out.db"), List.of(prep), List.of(export),
                        Duration.ofSeconds(1), false)));
    }

    /**
     * {@code run --select sales}: {@code sales} and the {@code prep} it needs run and pass; {@code costs} and
     * {@code report} are settled at once as not selected, before anything starts.
     */
    public static List<RunEvent> selected(Path base) {
        TaskOutcome costs = TaskOutcome.notSelected("costs", TaskKind.AGENT);
        TaskOutcome report = TaskOutcome.notSelected("report", TaskKind.AGENT);
        return List.of(
                started(base),
                new RunEvent.TaskFinished(costs),
                new RunEvent.TaskFinished(report),
                new RunEvent.TaskStarted("prep", TaskKind.AGENT),
                new RunEvent.TaskFinished(PREP),
                new RunEvent.TaskStarted("sales", TaskKind.AGENT),
                new RunEvent.TaskFinished(SALES),
                new RunEvent.RunFinished(new RunSummary(base.resolve("out.db"), List.of(PREP, SALES, costs, report),
                        List.of(), Duration.ofSeconds(7), false)));
    }

    /**
     * {@code rerun jan.db -o out.db} after edits: the spec was edited and an input file changed on disk (the rerun
     * keeps the recorded rows); {@code prep}'s prompt changed but its views still pass, so it is reused;
     * {@code sales} is re-run because its prompt changed; {@code costs} is reused unchanged; {@code report} is re-run
     * because a check fails against the new {@code sales} views.
     */
    public static List<RunEvent> rerun(Path base) {
        TaskOutcome prep = reused("prep");
        TaskOutcome costs = reused("costs");
        TaskOutcome report = passed("report", 1, 2, 300, 50, 800);
        return List.of(
                started(base),
                new RunEvent.RerunData(base.resolve("jan.db"), false),
                new RunEvent.SpecChanged(SPEC, "was edited since jan.db recorded it (git commit 1234567 -> 89abcde)"),
                new RunEvent.InputFileChanged("transactions", base.resolve("data/transactions.csv"),
                        "size 120 -> 164 bytes"),
                new RunEvent.TaskReused("prep", List.of("prompt")),
                new RunEvent.TaskFinished(prep),
                new RunEvent.TaskRerunning("sales", "prompt changed"),
                new RunEvent.TaskStarted("sales", TaskKind.AGENT),
                new RunEvent.TaskReused("costs", List.of()),
                new RunEvent.TaskFinished(costs),
                new RunEvent.TaskFinished(SALES),
                new RunEvent.TaskRerunning("report", "upstream sales re-ran and a check now fails: total is NULL"),
                new RunEvent.TaskStarted("report", TaskKind.AGENT),
                new RunEvent.TaskFinished(report),
                new RunEvent.RunFinished(new RunSummary(base.resolve("out.db"), List.of(prep, SALES, costs, report),
                        List.of(), Duration.ofSeconds(3), false)));
    }

    public static TaskOutcome reused(String task) {
        return new TaskOutcome(task, TaskKind.AGENT, TaskStatus.REUSED, 0, 0, Usage.NONE, Duration.ZERO, "", List.of(),
                "");
    }

    /** Every scripted run's events, one run after another: together they hold every kind of event. */
    public static List<RunEvent> everyKind(Path base) {
        List<RunEvent> all = new ArrayList<>(withFailure(base));
        all.addAll(passingWithExport(base));
        all.addAll(selected(base));
        all.addAll(rerun(base));
        return all;
    }

    /** Sends {@code events} to {@code listener}, moving {@code clock} by {@code step} after each. */
    public static void play(List<RunEvent> events, RunListener listener, ManualClock clock, Duration step) {
        for (RunEvent event : events) {
            listener.on(event);
            clock.advance(step);
        }
    }
}
