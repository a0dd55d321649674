package io.taskgraph.adapters.web.run;

import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Path;

/**
 * What one web run must do: load {@code spec} (its environment carries {@code TASKGRAPH_DATA_DIR}), write
 * {@code output} (exports land next to it), with the model, reasoning effort, model calls per task and task selection
 * the user picked.
 */
public record RunOrder(SpecRequest spec, Path output, String model, ReasoningEffort effort, int maxIterations,
                       TaskSelection selection) {
    /** The variable through which a spec finds the files uploaded with its run. */
    public static final String DATA_DIR_VARIABLE = "TASKGRAPH_DATA_DIR";

    /** The run use case's request: a fresh output file, the product's defaults for all the form does not set. */
    RunRequest request() {
        return new RunRequest(spec, output, false, RunOptions.defaults(model).withEffort(effort)
                .withMaxIterations(maxIterations), selection);
    }
}
