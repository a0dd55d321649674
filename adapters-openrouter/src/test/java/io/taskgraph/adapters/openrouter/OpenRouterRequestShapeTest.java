package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire for one model call, and how the answer is read back. */
class OpenRouterRequestShapeTest {
    private static final String KEY = "sk-or-v1-shape-test-key";
    private static final ToolDefinition RUN_SQL = new ToolDefinition("run_sql", "Run one SQL statement.",
            "{\"type\": \"object\", \"properties\": {\"query\": {\"type\": \"string\", \"description\": \"SQL\"}},"
                    + " \"required\": [\"query\"]}");
    private static final ChatResponse DONE = new ChatResponse(new ChatMessage.Assistant("done", List.of()),
            new Usage(10, 2, 0, 0));

    private MockWebServer server;
    private OpenRouterClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new OpenRouterClient(OpenRouterConfig.of(server.url("/api/v1/").toString(), KEY), event -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static List<ChatMessage> conversation() {
        return new ArrayList<>(List.of(
                new ChatMessage.System("You write DuckDB views."),
                new ChatMessage.User("Create prep_sales."),
                new ChatMessage.Assistant("", List.of(new ToolCall("call_1", "run_sql",
                        ToolArguments.of(Map.of("query", "SELECT 1"))))),
                new ChatMessage.Tool("call_1", "{\"success\": true, \"row_count\": 1}")));
    }

    private JsonNode send(String model, ReasoningEffort effort, List<ChatMessage> messages) throws Exception {
        server.enqueue(OpenAiJson.ok(DONE));
        client.complete(new ChatRequest("prep", 1, model, effort, messages, List.of(RUN_SQL)));
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        return OpenAiJson.read(recorded.getBody().utf8());
    }

    @Test
    void postsToChatCompletionsWithBearerKeyAndJsonBody() throws Exception {
        server.enqueue(OpenAiJson.ok(DONE));
        client.complete(new ChatRequest("prep", 1, "openai/gpt-5.2", ReasoningEffort.HIGH, conversation(),
                List.of(RUN_SQL)));

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", recorded.getMethod());
        assertEquals("/api/v1/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, recorded.getHeaders().get("Authorization"));
        assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"),
                recorded.getHeaders().get("Content-Type"));
    }

    @Test
    void bodyHoldsExactlyModelMessagesToolsToolChoiceAndReasoning() throws Exception {
        JsonNode body = send("openai/gpt-5.2", ReasoningEffort.HIGH, conversation());

        Set<String> fields = new TreeSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("messages", "model", "reasoning", "tool_choice", "tools"), fields);
        assertEquals("openai/gpt-5.2", body.get("model").asText());
        assertEquals("auto", body.get("tool_choice").asText());
        assertEquals(OpenAiJson.read("{\"effort\": \"high\"}"), body.get("reasoning"));
    }

    @Test
    void messagesUseTheOpenAiFormatIncludingToolCallsAndToolResults() throws Exception {
        JsonNode messages = send("openai/gpt-5.2", ReasoningEffort.LOW, conversation()).get("messages");

        assertEquals(OpenAiJson.read("""
                [{"role": "system", "content": "You write DuckDB views."},
                 {"role": "user", "content": "Create prep_sales."},
                 {"role": "assistant", "content": null, "tool_calls": [
                   {"id": "call_1", "type": "function",
                    "function": {"name": "run_sql", "arguments": "{\\"query\\":\\"SELECT 1\\"}"}}]},
                 {"role": "tool", "content": "{\\"success\\": true, \\"row_count\\": 1}", "tool_call_id": "call_1"}]
                """), messages);
    }

    @Test
    void toolsCarryTheParsedJsonSchemaOfEachDefinition() throws Exception {
        JsonNode tools = send("openai/gpt-5.2", ReasoningEffort.MEDIUM, conversation()).get("tools");

        assertEquals(OpenAiJson.read("""
                [{"type": "function", "function": {"name": "run_sql", "description": "Run one SQL statement.",
                  "parameters": {"type": "object",
                                 "properties": {"query": {"type": "string", "description": "SQL"}},
                                 "required": ["query"]}}}]
                """), tools);
    }

    @Test
    void reasoningEffortIsSentInLowerCase() throws Exception {
        assertEquals("low", send("m", ReasoningEffort.LOW, conversation()).at("/reasoning/effort").asText());
        assertEquals("medium", send("m", ReasoningEffort.MEDIUM, conversation()).at("/reasoning/effort").asText());
    }

    @Test
    void nonAnthropicModelsGetNoCacheControl() throws Exception {
        JsonNode body = send("openai/gpt-5.2", ReasoningEffort.HIGH, conversation());

        assertFalse(body.toString().contains("cache_control"), body.toString());
    }

    @Test
    void anthropicModelsGetOneCacheBreakpointOnTheLastMessageWithContent() throws Exception {
        JsonNode messages = send("anthropic/claude-sonnet-4.5", ReasoningEffort.HIGH, conversation())
                .get("messages");

        assertEquals(OpenAiJson.read("""
                [{"type": "text", "text": "{\\"success\\": true, \\"row_count\\": 1}",
                  "cache_control": {"type": "ephemeral"}}]
                """), messages.get(3).get("content"));
        for (int i = 0; i < 3; i++) {
            assertFalse(messages.get(i).toString().contains("cache_control"), "message " + i + ": " + messages.get(i));
        }
    }

    @Test
    void anthropicBreakpointSkipsATrailingMessageWithoutContent() throws Exception {
        List<ChatMessage> messages = conversation().subList(0, 3);

        JsonNode wire = send("anthropic/claude-opus-4", ReasoningEffort.LOW, messages).get("messages");

        assertEquals("ephemeral", wire.at("/1/content/0/cache_control/type").asText());
        assertEquals("Create prep_sales.", wire.at("/1/content/0/text").asText());
        assertTrue(wire.get(2).get("content").isNull(), wire.get(2).toString());
        assertEquals("You write DuckDB views.", wire.get(0).get("content").asText());
    }

    @Test
    void callersConversationIsLeftUntouchedAndTheNextTurnMovesTheBreakpoint() throws Exception {
        List<ChatMessage> conversation = conversation();
        List<ChatMessage> snapshot = List.copyOf(conversation);

        send("anthropic/claude-sonnet-4.5", ReasoningEffort.HIGH, conversation);
        conversation.add(new ChatMessage.User("Validation failed: column total is missing."));
        JsonNode next = send("anthropic/claude-sonnet-4.5", ReasoningEffort.HIGH, conversation).get("messages");

        assertEquals(snapshot, conversation.subList(0, 4));
        assertEquals("{\"success\": true, \"row_count\": 1}", next.get(3).get("content").asText(),
                "the earlier breakpoint must not stick to the tool message");
        assertEquals("ephemeral", next.at("/4/content/0/cache_control/type").asText());
        assertEquals(1, next.toString().split("cache_control", -1).length - 1);
    }

    @Test
    void noToolsMeansNoToolsAndNoToolChoice() throws Exception {
        server.enqueue(OpenAiJson.ok(DONE));
        client.complete(new ChatRequest("t", 1, "m", ReasoningEffort.LOW, conversation(), List.of()));

        JsonNode body = OpenAiJson.read(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertFalse(body.has("tools"));
        assertFalse(body.has("tool_choice"));
    }

    @Test
    void usageIsReadIncludingCachedAndReasoningTokens() {
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 5120, "completion_tokens": 640, "total_tokens": 5760,
                           "prompt_tokens_details": {"cached_tokens": 4096},
                           "completion_tokens_details": {"reasoning_tokens": 512}}}
                """));

        ChatResponse response = client.complete(request());

        assertEquals(new Usage(5120, 640, 4096, 512), response.usage());
        assertEquals("ok", response.message().content());
    }

    @Test
    void theCostTheServerReportsIsKeptExactlyAndNoCostStaysNoCost() {
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 194, "completion_tokens": 2, "total_tokens": 196, "cost": 0.000123,
                           "cost_details": {"upstream_inference_cost": 19}, "is_byok": false}}
                """));
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 194, "completion_tokens": 2, "cost": 0}}
                """));
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 194, "completion_tokens": 2, "cost": "a lot"}}
                """));

        Usage reported = client.complete(request()).usage();
        Usage free = client.complete(request()).usage();
        Usage unreadable = client.complete(request()).usage();

        assertEquals(new Usage(194, 2, 0, 0).withCost(new BigDecimal("0.000123")), reported);
        assertEquals("0.000123", reported.cost().orElseThrow().toPlainString());
        assertEquals(0, free.cost().orElseThrow().signum(), "a free call reports a cost of 0: recorded as 0");
        assertEquals(Optional.empty(), unreadable.cost(), "a cost that is not a number is not a cost");
    }

    @Test
    void missingUsageFieldsCountAsZero() {
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 3}}
                """));
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": "ok"}}]}
                """));

        Usage withoutDetails = client.complete(request()).usage();
        assertEquals(new Usage(12, 3, 0, 0), withoutDetails);
        assertEquals(Optional.empty(), withoutDetails.cost(), "a server that reports no cost has none");
        assertEquals(Usage.NONE, client.complete(request()).usage());
    }

    @Test
    void toolCallsAreReadWithNullContentAndTheirArgumentsAsValuesOrAsMalformedText() {
        server.enqueue(OpenAiJson.json(200, """
                {"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_x", "type": "function", "function": {"name": "run_sql", "arguments": "{\\"query\\": SELECT"}},
                  {"id": "call_y", "type": "function", "function": {"name": "run_sql", "arguments": {"query": "SELECT 2"}}},
                  {"type": "function", "function": {"name": "run_sql", "arguments": "{}"}},
                  {"id": "call_a", "type": "function", "function": {"name": "run_sql", "arguments": "[\\"SELECT 3\\"]"}},
                  {"id": "call_t", "type": "function", "function": {"name": "run_sql", "arguments": "{\\"query\\": \\"SELECT 4\\"} {}"}}]}}]}
                """));

        ChatMessage.Assistant message = client.complete(request()).message();

        assertEquals("", message.content());
        assertEquals(List.of(
                new ToolCall("call_x", "run_sql", ToolArguments.malformed("{\"query\": SELECT", "")),
                new ToolCall("call_y", "run_sql", ToolArguments.of(Map.of("query", "SELECT 2"))),
                new ToolCall("call_prep_1_3", "run_sql", ToolArguments.NONE),
                new ToolCall("call_a", "run_sql", ToolArguments.malformed("[\"SELECT 3\"]", "")),
                new ToolCall("call_t", "run_sql", ToolArguments.malformed("{\"query\": \"SELECT 4\"} {}", ""))),
                message.toolCalls());
        assertEquals(List.of("Unrecognized token 'SELECT': was expecting (JSON String, Number, Array, Object or token "
                        + "'null', 'true' or 'false') at character 11", "it is a JSON array, not an object",
                        "more text follows the JSON value at character 23"),
                Stream.of(0, 3, 4).map(i -> ((ToolArguments.Malformed) message.toolCalls().get(i).arguments()).problem())
                        .toList(), "what is wrong with each, in words for the model");
    }

    @Test
    void malformedArgumentsGoBackToTheServerAsTheModelSentThem() throws Exception {
        List<ChatMessage> messages = List.of(new ChatMessage.User("Create prep_sales."),
                new ChatMessage.Assistant("", List.of(new ToolCall("call_1", "run_sql",
                        ToolArguments.malformed("{\"query\": SELECT", "not JSON")))));

        JsonNode sent = send("openai/gpt-5.2", ReasoningEffort.LOW, messages).get("messages");

        assertEquals("{\"query\": SELECT", sent.at("/1/tool_calls/0/function/arguments").asText());
    }

    private static ChatRequest request() {
        return new ChatRequest("prep", 1, "openai/gpt-5.2", ReasoningEffort.LOW,
                List.of(new ChatMessage.User("hi")), List.of(RUN_SQL));
    }
}
