package io.taskgraph.application.rerun;

import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a rerun task by task, in dependency order, from the mode, the selection, each task's definition changes and
 * its views validated against the data the rerun uses. The rules, in order: a selected task runs; outside a
 * selection nothing is forced; in review mode every task runs; in changed mode a task whose definition changed runs;
 * a task downstream of one that runs is checked again afterwards (and runs if a check then fails); a task whose views
 * fail validation runs (outside a selection it is left failing, and what is downstream of it is blocked); every other
 * task is reused.
 */
final class RerunPlanner {
    private RerunPlanner() {
    }

    static List<PlannedTask> plan(PreparedRerun prepared, RerunMode mode, SqlReader reader) {
        TaskGraph graph = prepared.graph();
        boolean selecting = !prepared.selected().isEmpty();
        Set<String> running = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        List<PlannedTask> planned = new ArrayList<>();
        for (String name : graph.order()) {
            TaskSpec task = graph.task(name);
            DefinitionComparison definition = prepared.definition(name);
            ValidationReport validation = OutputValidator.validate(task, reader);
            boolean outside = selecting && !prepared.selected().contains(name);
            Optional<String> forced = forcedReason(mode, selecting, !outside, definition);
            Set<String> upstream = graph.upstream(name);
            List<String> after = graph.order().stream().filter(upstream::contains).filter(running::contains).toList();
            Optional<String> failing = validation.failures().stream().findFirst().map(f -> "validation failed: " + f);
            Optional<String> blockedBy = graph.order().stream().filter(upstream::contains).filter(refused::contains)
                    .findFirst();
            PlannedTask.Action action;
            String why;
            if (blockedBy.isPresent()) {
                action = PlannedTask.Action.BLOCKED;
                why = "upstream " + blockedBy.get() + " is left failing";
            } else if (forced.isPresent()) {
                action = PlannedTask.Action.RUN;
                why = forced.get();
            } else if (!after.isEmpty()) {
                action = PlannedTask.Action.CHECK;
                why = failing.orElse("");
            } else if (failing.isPresent()) {
                action = outside ? PlannedTask.Action.REFUSE : PlannedTask.Action.RUN;
                why = failing.get();
            } else {
                action = PlannedTask.Action.REUSE;
                why = "";
            }
            if (action == PlannedTask.Action.RUN) {
                running.add(name);
            } else if (action == PlannedTask.Action.REFUSE || action == PlannedTask.Action.BLOCKED) {
                refused.add(name);
            }
            planned.add(new PlannedTask(name, task.kind(), action, why, forced.isPresent(), outside, definition,
                    validation, after));
        }
        List<String> specOrder = graph.tasks().stream().map(TaskSpec::name).toList();
        planned.sort(java.util.Comparator.comparingInt(t -> specOrder.indexOf(t.task())));
        return planned;
    }

    /** Why the task runs whatever its validation says, if it does. */
    static Optional<String> forcedReason(RerunMode mode, boolean selecting, boolean selected,
                                         DefinitionComparison definition) {
        if (selecting) {
            return selected ? Optional.of("selected") : Optional.empty();
        }
        if (mode == RerunMode.REVIEW) {
            return Optional.of("review mode");
        }
        if (mode == RerunMode.CHANGED && definition.changed()) {
            return Optional.of(definition.changedFields() + " changed");
        }
        return Optional.empty();
    }
}
