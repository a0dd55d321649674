package io.taskgraph.application.rerun;

import io.taskgraph.application.run.TaskDecider;
import io.taskgraph.application.run.TaskStep;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rerun's decision for each task when it is ready, following its {@link PlannedTask}: what the plan could not know
 * is whether a task downstream of one that ran again still passes, so such a task is validated again against the
 * new views, and runs again only if a check now fails (saying which upstream task ran and what fails).
 */
final class RerunSteps implements TaskDecider {
    private final Map<String, PlannedTask> plan;

    RerunSteps(List<PlannedTask> plan) {
        this.plan = plan.stream().collect(Collectors.toMap(PlannedTask::task, Function.identity()));
    }

    @Override
    public TaskStep decide(TaskSpec task, SqlReader reader, List<String> rerunUpstream) {
        PlannedTask planned = plan.get(task.name());
        ValidationReport now = rerunUpstream.isEmpty() ? planned.validation() : OutputValidator.validate(task, reader);
        if (planned.forced()) {
            return new TaskStep.Rerun(planned.why(), now.failures());
        }
        if (now.passed()) {
            return new TaskStep.Reuse(planned.definition().fields());
        }
        String failure = now.failures().get(0);
        if (planned.validation().passed()) {
            return new TaskStep.Rerun("upstream " + String.join(", ", rerunUpstream) + " re-ran and a check now fails: "
                    + failure, now.failures());
        }
        if (planned.outsideSelection() && rerunUpstream.isEmpty()) {
            return new TaskStep.Refuse("Its views fail validation and it is not selected, so it was not run again: "
                    + failure, now.failures());
        }
        return new TaskStep.Rerun("validation failed: " + failure, now.failures());
    }
}
