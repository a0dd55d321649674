package io.taskgraph.domain.port;

import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;

/**
 * The language model, behind an OpenAI-style chat completion call. Implementations retry transient
 * failures themselves and throw {@link io.taskgraph.domain.LlmException} when they give up. Safe for
 * concurrent use by several tasks.
 */
public interface LlmClient {
    ChatResponse complete(ChatRequest request);
}
