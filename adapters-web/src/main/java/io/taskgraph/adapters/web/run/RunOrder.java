package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Path;

/**
 * What a {@link RunEngine} must do for one web run: load {@code spec} (its environment carries
 * {@code TASKGRAPH_DATA_DIR}), write {@code output} (exports land next to it), with the model and reasoning
 * effort the user picked.
 */
public record RunOrder(SpecRequest spec, Path output, String model, ReasoningEffort effort) {
    /** The variable through which a spec finds the files uploaded with its run. */
    public static final String DATA_DIR_VARIABLE = "TASKGRAPH_DATA_DIR";
}
