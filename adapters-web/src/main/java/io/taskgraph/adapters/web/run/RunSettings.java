package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.ReasoningEffort;
import java.util.Objects;

/**
 * What the user picked on the form: which spec, which model, how much reasoning, and which tasks ({@link
 * TaskSelection#ALL} for every task; otherwise the selected tasks and the tasks they need).
 */
public record RunSettings(String specId, String model, ReasoningEffort effort, TaskSelection selection) {
    public RunSettings {
        Objects.requireNonNull(selection, "selection");
    }

    /** Every task of the spec. */
    public RunSettings(String specId, String model, ReasoningEffort effort) {
        this(specId, model, effort, TaskSelection.ALL);
    }
}
