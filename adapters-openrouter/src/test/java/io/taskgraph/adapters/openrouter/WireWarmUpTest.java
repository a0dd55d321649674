package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The warm-up runs the code of a tool turn on made-up messages, the way the run's own requests are written. */
class WireWarmUpTest {
    private static final ToolDefinition RUN_SQL = new ToolDefinition("run_sql", "Run one SQL statement.",
            "{\"type\": \"object\", \"properties\": {\"query\": {\"type\": \"string\"}}, \"required\": [\"query\"]}");

    private static ChatRequest first(String model) {
        return new ChatRequest("prep", 1, model, ReasoningEffort.HIGH,
                List.of(new ChatMessage.System("You write DuckDB views."), new ChatMessage.User("Create prep_sales.")),
                List.of(RUN_SQL));
    }

    @Test
    void writesTheTurnAfterAToolCallWithTheFirstRequestsModelAndTools() {
        JsonNode body = OpenAiJson.read(WireWarmUp.run(first("anthropic/claude-sonnet-4.5")));
        assertEquals("anthropic/claude-sonnet-4.5", body.get("model").asText());
        assertEquals("high", body.get("reasoning").get("effort").asText());
        assertEquals("run_sql", body.get("tools").get(0).get("function").get("name").asText());
        JsonNode messages = body.get("messages");
        assertEquals(4, messages.size());
        JsonNode call = messages.get(2).get("tool_calls").get(0);
        assertEquals("run_sql", call.get("function").get("name").asText());
        assertEquals("{\"query\":\"CREATE VIEW warm_up AS SELECT 1\"}", call.get("function").get("arguments").asText());
        assertEquals(call.get("id").asText(), messages.get(3).get("tool_call_id").asText());
        // the cache breakpoint on the last message with content, as on every Anthropic turn
        assertEquals("ephemeral", messages.get(3).get("content").get(0).get("cache_control").get("type").asText());
    }

    @Test
    void theFirstCallWarmsUpWithoutSendingAnythingElse() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            ChatResponse done = new ChatResponse(new ChatMessage.Assistant("done", List.of()), new Usage(10, 2, 0, 0));
            try (OpenRouterClient client = new OpenRouterClient(
                    OpenRouterConfig.of(server.url("/api/v1/").toString(), "sk-or-v1-warm-up-test"), event -> { })) {
                server.enqueue(OpenAiJson.ok(done));
                server.enqueue(OpenAiJson.ok(done));
                assertEquals("done", client.complete(first("openai/gpt-5.2")).message().content());
                assertEquals("done", client.complete(first("openai/gpt-5.2")).message().content());
            }
            assertEquals(2, server.getRequestCount());
            assertTrue(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8().contains("prep_sales"));
        }
    }
}
