package io.taskgraph.domain.llm;

/**
 * A tool call the model asked for. Its {@code arguments} are read already; arguments the client could not read as
 * an object are {@link ToolArguments.Malformed}, kept so the agent loop can answer the broken call with an error
 * result instead of failing.
 */
public record ToolCall(String id, String name, ToolArguments arguments) {
    public ToolCall {
        arguments = arguments == null ? ToolArguments.NONE : arguments;
    }
}
