package io.taskgraph.application.run;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;

/**
 * Decides each task's {@link TaskStep} when it is ready to start: on the task's own thread, with the task's own
 * connection to validate through, knowing which tasks upstream of it ran again in this run (in spec order).
 * Implementations are called from several task threads at once.
 */
@FunctionalInterface
public interface TaskDecider {
    /** A fresh run: every task is built. */
    TaskDecider BUILD_ALL = (task, reader, rerunUpstream) -> new TaskStep.Build();

    TaskStep decide(TaskSpec task, SqlReader reader, List<String> rerunUpstream);
}
