package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.Usage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Stopping a run must not wait for a model that takes minutes to answer: an interrupt cancels the call. */
class OpenRouterInterruptTest {
    @Test
    void interruptingATaskWaitingForTheModelCancelsTheCallAtOnce() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(OpenAiJson.ok(new ChatResponse(new ChatMessage.Assistant("late", List.of()),
                    new Usage(1, 1, 0, 0))).newBuilder().headersDelay(60, TimeUnit.SECONDS).build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            OpenRouterClient client = OpenRouterClient.builder(OpenRouterConfig.of(server.url("/v1").toString(),
                    "sk-test-interrupt")).build();
            ChatRequest request = new ChatRequest("sales", 2, "openai/gpt-5.2", ReasoningEffort.LOW,
                    List.of(new ChatMessage.User("think hard")), List.of());

            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread task = new Thread(() -> {
                try {
                    client.complete(request);
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
            task.start();
            server.takeRequest(10, TimeUnit.SECONDS);
            long interrupted = System.nanoTime();
            task.interrupt();

            Throwable thrown = failure.get(10, TimeUnit.SECONDS);
            Duration stopping = Duration.ofNanos(System.nanoTime() - interrupted);
            assertTrue(thrown instanceof LlmException, String.valueOf(thrown));
            assertEquals("The model call of task 'sales' (turn 2) was interrupted because the run is stopping.",
                    thrown.getMessage());
            assertTrue(stopping.compareTo(Duration.ofSeconds(5)) < 0, "stopped after " + stopping);
            assertEquals(1, server.getRequestCount(), "an interrupted call is not retried");
            client.close();
        }
    }
}
