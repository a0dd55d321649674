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

    /**
     * Throws the {@link io.taskgraph.domain.LlmException} that would make every call fail as the client is set up (no
     * API key, a recording that cannot be read), without calling the model; returns quietly otherwise. A run calls it
     * before it writes anything when one of its tasks may call the model, and not at all when none can.
     */
    default void checkReady() {
    }
}
