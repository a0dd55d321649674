package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolDefinition;

/** A tool the agent loop offers to the model. */
public interface Tool {
    ToolDefinition definition();

    /**
     * Runs one call with its arguments and returns the result text the model sees.
     * Throws {@link ToolArgumentException} when the arguments do not fit the tool's parameters.
     */
    String call(ToolArguments.Values arguments);
}
