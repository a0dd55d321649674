package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;

/** What the user picked on the form: which spec, which model, how much reasoning, how many model calls per task. */
public record RunSettings(String specId, String model, ReasoningEffort effort, int maxIterations) {
    /** The product's default number of model calls per task. */
    public RunSettings(String specId, String model, ReasoningEffort effort) {
        this(specId, model, effort, RunDefaults.MAX_ITERATIONS);
    }
}
