package io.taskgraph.domain.llm;

/**
 * A tool call the model asked for. {@code arguments} is the raw JSON text the model produced, kept
 * as-is (even when malformed) so the agent loop can answer a broken call with an error result.
 */
public record ToolCall(String id, String name, String arguments) {
}
