package io.taskgraph.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LlmClient} promises, proven the same way for the scripted fake, the HTTP client and the replay
 * client. Each implementation primes itself with the answers its tasks must get (its own way: a script, a fake
 * server, a cassette) and the contract plays the conversation {@link #conversation} describes against it.
 */
public abstract class LlmClientContract {
    public static final String MODEL = "contract/test-model";
    public static final ToolDefinition RUN_SQL = new ToolDefinition("run_sql", "Run one SQL statement.",
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}");

    /**
     * A client that answers the requests of each task (a key of {@code responsesByTask}) with that task's responses,
     * in order. Requests will be exactly those of {@link #conversation} for the task and its responses.
     */
    protected abstract LlmClient clientAnswering(Map<String, List<ChatResponse>> responsesByTask);

    /** A client for a single task; see {@link #clientAnswering(Map)}. */
    protected final LlmClient clientAnswering(String task, List<ChatResponse> responses) {
        return clientAnswering(Map.of(task, responses));
    }

    /**
     * The requests the contract sends for {@code task} when the model gives {@code responses}: a system and a user
     * message naming the task, then per answer the assistant message and one tool result per tool call.
     * Request {@code i} (turn {@code i + 1}) holds the conversation up to answer {@code i}.
     */
    public static List<ChatRequest> conversation(String task, List<ChatResponse> responses) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(new ChatMessage.System("You are the contract agent for task " + task + "."));
        messages.add(new ChatMessage.User("Task " + task + ": create the view " + task + "_result."));
        List<ChatRequest> requests = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            requests.add(new ChatRequest(task, i + 1, MODEL, ReasoningEffort.MEDIUM, messages, List.of(RUN_SQL)));
            ChatMessage.Assistant answer = responses.get(i).message();
            messages.add(answer);
            for (ToolCall call : answer.toolCalls()) {
                messages.add(new ChatMessage.Tool(call.id(), "{\"success\": true, \"message\": \"ok\"}"));
            }
        }
        return requests;
    }

    /** Plays {@code task}'s conversation against {@code client} and returns the answers in order. */
    protected static List<ChatResponse> play(LlmClient client, String task, List<ChatResponse> scripted) {
        List<ChatResponse> got = new ArrayList<>();
        for (ChatRequest request : conversation(task, scripted)) {
            got.add(client.complete(request));
        }
        return got;
    }

    public static ChatResponse toolCalls(Usage usage, String content, ToolCall... calls) {
        return new ChatResponse(new ChatMessage.Assistant(content, List.of(calls)), usage);
    }

    public static ChatResponse answer(String content, Usage usage) {
        return new ChatResponse(new ChatMessage.Assistant(content, List.of()), usage);
    }

    public static ToolCall sqlCall(String id, String query) {
        return new ToolCall(id, "run_sql", ToolArguments.of(Map.of("query", query)));
    }

    @Test
    void responsesComeBackInOrderWithContentToolCallsAndUsage() {
        List<ChatResponse> scripted = List.of(
                toolCalls(new Usage(1200, 80, 1000, 30), "Looking at the data first.",
                        sqlCall("call_a1", "SELECT count(*) FROM sales"),
                        sqlCall("call_a2", "DESCRIBE sales")),
                toolCalls(new Usage(1500, 120, 1200, 0), "",
                        sqlCall("call_a3", "CREATE VIEW orders_result AS SELECT * FROM sales")),
                answer("The view orders_result is ready.", new Usage(1700, 15, 1500, 5)));

        List<ChatResponse> got = play(clientAnswering("orders", scripted), "orders", scripted);

        assertEquals(scripted, got);
        ToolCall second = got.get(0).message().toolCalls().get(1);
        assertEquals(new ToolCall("call_a2", "run_sql", ToolArguments.of(Map.of("query", "DESCRIBE sales"))), second);
        assertEquals("Looking at the data first.", got.get(0).message().content());
        assertEquals(new Usage(1200, 80, 1000, 30), got.get(0).usage());
    }

    @Test
    void malformedToolCallArgumentsArePassedThroughVerbatim() {
        List<ChatResponse> scripted = List.of(
                toolCalls(new Usage(10, 5, 0, 0), "",
                        new ToolCall("call_bad1", "run_sql", ToolArguments.malformed("{\"query\": \"SELECT 1\"",
                                "the object is not closed")),
                        new ToolCall("call_bad2", "run_sql", ToolArguments.malformed("not json at all",
                                "not JSON")),
                        new ToolCall("call_bad3", "no_such_tool", ToolArguments.NONE)),
                answer("gave up", new Usage(20, 2, 0, 0)));

        List<ChatResponse> got = play(clientAnswering("broken", scripted), "broken", scripted);

        List<ToolCall> calls = got.get(0).message().toolCalls();
        assertEquals("{\"query\": \"SELECT 1\"", malformedText(calls.get(0)));
        assertEquals("not json at all", malformedText(calls.get(1)));
        assertEquals(ToolArguments.NONE, calls.get(2).arguments());
        assertEquals("no_such_tool", calls.get(2).name());
        assertEquals(List.of("call_bad1", "call_bad2", "call_bad3"), calls.stream().map(ToolCall::id).toList());
    }

    /** The text of arguments the client could not read, which it must keep as sent and explain. */
    private static String malformedText(ToolCall call) {
        ToolArguments.Malformed malformed = assertInstanceOf(ToolArguments.Malformed.class, call.arguments());
        assertFalse(malformed.problem().isBlank(), "the client says what is wrong with " + call);
        return malformed.text();
    }

    @Test
    void aContentOnlyAnswerHasNoToolCalls() {
        List<ChatResponse> scripted = List.of(answer("All done, nothing to run.", new Usage(50, 7, 0, 0)));

        ChatResponse got = play(clientAnswering("plain", scripted), "plain", scripted).get(0);

        assertEquals("All done, nothing to run.", got.message().content());
        assertTrue(got.message().toolCalls().isEmpty(), "a content-only answer must have no tool calls");
        assertEquals(new Usage(50, 7, 0, 0), got.usage());
    }

    @Test
    void twoTasksCallingConcurrentlyEachGetTheirOwnAnswers() throws Exception {
        Map<String, List<ChatResponse>> scripts = new LinkedHashMap<>();
        for (String task : List.of("left", "right")) {
            List<ChatResponse> turns = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                turns.add(toolCalls(new Usage(100L * i, i, 0, 0), task + " step " + i,
                        sqlCall("call_" + task + "_" + i, "SELECT " + i + " AS " + task)));
            }
            turns.add(answer(task + " finished", new Usage(500, 5, 0, 0)));
            scripts.put(task, List.copyOf(turns));
        }
        LlmClient client = clientAnswering(scripts);
        CyclicBarrier inStep = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<List<ChatResponse>>> futures = new LinkedHashMap<>();
            for (String task : scripts.keySet()) {
                futures.put(task, pool.submit(() -> {
                    List<ChatResponse> got = new ArrayList<>();
                    for (ChatRequest request : conversation(task, scripts.get(task))) {
                        inStep.await(10, TimeUnit.SECONDS);
                        got.add(client.complete(request));
                    }
                    return got;
                }));
            }
            for (String task : scripts.keySet()) {
                assertEquals(scripts.get(task), futures.get(task).get(30, TimeUnit.SECONDS),
                        "answers of task " + task);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
