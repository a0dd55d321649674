package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import java.util.List;

/** One recorded model call: who asked (task, turn), what was sent, and what came back. */
public record CassetteEntry(String task, int turn, String model, ReasoningEffort effort,
                           List<ChatMessage> messages, ChatResponse response) {
    public CassetteEntry {
        messages = List.copyOf(messages);
    }
}
