package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.Objects;

/**
 * What the user picked on the form: which spec, which model, how much reasoning, which tasks ({@link
 * TaskSelection#ALL} for every task; otherwise the selected tasks and the tasks they need), and how many model calls
 * each task's agent may make.
 */
public record RunSettings(String specId, String model, ReasoningEffort effort, TaskSelection selection,
                          int maxIterations) {
    public RunSettings {
        Objects.requireNonNull(selection, "selection");
    }

    /** Every task of the spec, the product's default number of model calls. */
    public RunSettings(String specId, String model, ReasoningEffort effort) {
        this(specId, model, effort, TaskSelection.ALL, RunDefaults.MAX_ITERATIONS);
    }
}
