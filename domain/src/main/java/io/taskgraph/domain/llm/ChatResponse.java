package io.taskgraph.domain.llm;

/** The model's answer to one {@link ChatRequest}: its assistant message and the tokens it cost. */
public record ChatResponse(ChatMessage.Assistant message, Usage usage) {
}
