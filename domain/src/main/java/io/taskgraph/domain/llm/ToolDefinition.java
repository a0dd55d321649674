package io.taskgraph.domain.llm;

/** A tool offered to the model: its name, what it does, and its parameters as a JSON Schema text. */
public record ToolDefinition(String name, String description, String parametersSchema) {
}
