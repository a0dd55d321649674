package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.llm.ReasoningEffort;

/** What the user picked on the form: which spec, which model, how much reasoning. */
public record RunSettings(String specId, String model, ReasoningEffort effort) {
}
