package io.taskgraph.application.rerun;

import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.List;
import java.util.Optional;

/**
 * What a rerun is going to do with one task, and why, as far as it can be known before any task runs.
 *
 * @param why        for {@link Action#RUN}: the reason, as the task's line will give it ({@code selected},
 *                   {@code prompt changed}, {@code validation failed: ...}); for {@link Action#REFUSE}, and for
 *                   {@link Action#CHECK} when its views fail now: what fails; for {@link Action#BLOCKED}: which
 *                   upstream task is left failing
 * @param forced     the task runs whatever its validation says (selected, review mode, or changed in changed mode)
 * @param definition how its definition compares with the one its views were built from
 * @param validation its views validated against the data the rerun uses, before any task runs again
 * @param after      for {@link Action#CHECK}: the tasks upstream of it that run first
 */
public record PlannedTask(String task, TaskKind kind, Action action, String why, boolean forced,
                          boolean outsideSelection, DefinitionComparison definition, ValidationReport validation,
                          List<String> after) {
    /** What a rerun can do with a task. */
    public enum Action {
        /** Keep its views: they pass validation and nothing upstream runs again. */
        REUSE,
        /** Invoke its agent (or run its SQL) again. */
        RUN,
        /** Validate it again once the tasks upstream of it ran again; run it again only if a check then fails. */
        CHECK,
        /** Leave it failing: its views fail validation but it is outside the selection. */
        REFUSE,
        /** Not run: a task upstream of it is left failing. */
        BLOCKED
    }

    public PlannedTask {
        after = List.copyOf(after);
    }

    /** The first validation failure, if the views fail now. */
    public Optional<String> firstFailure() {
        return validation.failures().stream().findFirst();
    }
}
