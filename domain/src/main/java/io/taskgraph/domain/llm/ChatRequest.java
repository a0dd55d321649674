package io.taskgraph.domain.llm;

import java.util.List;

/**
 * One call to the model. {@code task} and {@code turn} (1-based model call number within the task)
 * identify the call so that recordings replay per task regardless of how concurrent tasks interleave.
 */
public record ChatRequest(
        String task,
        int turn,
        String model,
        ReasoningEffort effort,
        List<ChatMessage> messages,
        List<ToolDefinition> tools) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
