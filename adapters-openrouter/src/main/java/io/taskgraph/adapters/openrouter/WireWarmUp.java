package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import java.util.List;

/**
 * Reads a made-up answer with a tool call and writes the request that would follow it, so that a run's first tool
 * turns find that code loaded and compiled. Run on a daemon thread while the first model call waits for its answer:
 * done there, it cost the first layer of a DAG's concurrent tasks ~20 ms each of reading answers and writing
 * requests for the first time at once. Nothing is sent anywhere.
 */
final class WireWarmUp {
    private static final String ANSWER = "{\"id\":\"gen-warm-up\",\"object\":\"chat.completion\",\"model\":\"warm-up\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
            + "\"content\":null,\"tool_calls\":[{\"id\":\"call_warm_up\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"run_sql\",\"arguments\":\"{\\\"query\\\":\\\"CREATE VIEW warm_up AS SELECT 1\\\"}\"}}]}}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}";

    private WireWarmUp() {
    }

    /** The body of the turn after a made-up tool call, written like {@code first}'s (its model and tools). */
    static String run(ChatRequest first) {
        CompletionBody.Outcome outcome = CompletionBody.read(ANSWER, "call_warm_up_");
        if (!(outcome instanceof CompletionBody.Answer answer)) {
            throw new IllegalStateException("the warm-up's made-up answer does not read as one: " + outcome);
        }
        ChatMessage.Assistant called = answer.response().message();
        return ChatPayload.json(new ChatRequest(first.task(), first.turn() + 1, first.model(), first.effort(), List.of(
                new ChatMessage.System("Warm-up."), new ChatMessage.User("Warm up."), called,
                new ChatMessage.Tool(called.toolCalls().get(0).id(), "{\"ok\":true,\"message\":\"Created view warm_up.\"}")),
                first.tools()));
    }

    /** {@link #run} on a daemon thread; whatever it throws is dropped, as it changes nothing the caller sees. */
    static void inBackground(ChatRequest first) {
        Thread thread = new Thread(() -> {
            try {
                run(first);
            } catch (RuntimeException ignored) {
                // A failed warm-up only leaves the first real turns as slow as they would have been.
            }
        }, "taskgraph-wire-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
