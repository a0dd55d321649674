package io.taskgraph.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScriptedLlmClientTest extends LlmClientContract {

    @Override
    protected LlmClient clientAnswering(Map<String, List<ChatResponse>> responsesByTask) {
        ScriptedLlmClient client = ScriptedLlmClient.create();
        responsesByTask.forEach((task, responses) -> client.task(task,
                responses.stream().map(response -> Turn.reacting(request -> response)).toArray(Turn[]::new)));
        return client;
    }

    private static ChatRequest request(String task, int turn, ChatMessage... messages) {
        return new ChatRequest(task, turn, MODEL, ReasoningEffort.LOW, List.of(messages), List.of(RUN_SQL));
    }

    private static ChatRequest request(String task, int turn) {
        return request(task, turn, new ChatMessage.User("do " + task));
    }

    @Test
    void sqlTurnCallsRunSqlOncePerQueryWithJsonArgumentsAndUniqueIds() {
        ScriptedLlmClient llm = ScriptedLlmClient.create()
                .task("prep", Turn.sql("CREATE VIEW prepared_sales AS SELECT 'a\"b' AS x", "SELECT 1"))
                .task("other", Turn.sql("SELECT 2"));

        List<ToolCall> calls = llm.complete(request("prep", 1)).message().toolCalls();
        ToolCall other = llm.complete(request("other", 1)).message().toolCalls().get(0);

        assertEquals(2, calls.size());
        assertEquals("run_sql", calls.get(0).name());
        assertEquals(ToolArguments.of(Map.of("query", "CREATE VIEW prepared_sales AS SELECT 'a\"b' AS x")),
                calls.get(0).arguments());
        assertEquals(ToolArguments.of(Map.of("query", "SELECT 1")), calls.get(1).arguments());
        Set<String> ids = new HashSet<>(List.of(calls.get(0).id(), calls.get(1).id(), other.id()));
        assertEquals(3, ids.size(), "tool call ids must be unique: " + ids);
    }

    @Test
    void answerTurnHasContentAndNoToolCalls() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.answer("done"));

        ChatResponse response = llm.complete(request("t", 1));

        assertEquals("done", response.message().content());
        assertTrue(response.message().toolCalls().isEmpty());
        assertEquals(ScriptedLlmClient.DEFAULT_USAGE, response.usage());
    }

    @Test
    void rawToolCallKeepsMalformedArgumentsAsGiven() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.rawToolCall("run_sql", "{\"query\": "));

        ToolCall call = llm.complete(request("t", 1)).message().toolCalls().get(0);

        assertEquals("run_sql", call.name());
        assertEquals("{\"query\": ", assertInstanceOf(ToolArguments.Malformed.class, call.arguments()).text());
    }

    @Test
    void usageComesFromTheTurnElseTheClientDefault() {
        ScriptedLlmClient llm = ScriptedLlmClient.create()
                .usagePerResponse(new Usage(7, 3, 1, 0))
                .task("t", Turn.sql("SELECT 1").withUsage(new Usage(900, 90, 800, 40)), Turn.answer("done"));

        assertEquals(new Usage(900, 90, 800, 40), llm.complete(request("t", 1)).usage());
        assertEquals(new Usage(7, 3, 1, 0), llm.complete(request("t", 2)).usage());
    }

    @Test
    void choosingTurnReactsToValidationFeedbackInTheConversation() {
        Turn fixOrFinish = Turn.choosing(request -> {
            ChatMessage last = request.messages().get(request.messages().size() - 1);
            return last.content().startsWith("Validation failed:")
                    ? Turn.sql("CREATE OR REPLACE VIEW prep_out AS SELECT 1 AS id")
                    : Turn.answer("finished");
        });
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("a", fixOrFinish).task("b", fixOrFinish);

        ChatResponse fixed = llm.complete(request("a", 1, new ChatMessage.User("Validation failed: missing id")));
        ChatResponse finished = llm.complete(request("b", 1, new ChatMessage.User("all good")));

        assertEquals(ToolArguments.of(Map.of("query", "CREATE OR REPLACE VIEW prep_out AS SELECT 1 AS id")),
                fixed.message().toolCalls().get(0).arguments());
        assertEquals("finished", finished.message().content());
    }

    @Test
    void recordsEveryRequestPerTaskInOrder() {
        ScriptedLlmClient llm = ScriptedLlmClient.create()
                .task("a", Turn.sql("SELECT 1"), Turn.answer("a done"))
                .task("b", Turn.answer("b done"));

        ChatRequest a1 = request("a", 1);
        ChatRequest b1 = request("b", 1);
        ChatRequest a2 = request("a", 2, new ChatMessage.User("next"));
        llm.complete(a1);
        llm.complete(b1);
        llm.complete(a2);

        assertEquals(List.of(a1, a2), llm.requests("a"));
        assertEquals(List.of(b1), llm.requests("b"));
        assertEquals(List.of(a1, b1, a2), llm.requests());
        assertEquals(List.of(), llm.requests("unknown"));
        assertEquals(0, llm.remainingTurns("a"));
    }

    @Test
    void askingForMoreTurnsThanScriptedNamesTheTaskAndTheTurn() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("prep", Turn.answer("done"));
        llm.complete(request("prep", 1));

        LlmException e = assertThrows(LlmException.class, () -> llm.complete(request("prep", 2)));

        assertEquals("The scripted model ran out of turns: task 'prep' asked for turn 2 but only 1 are scripted.",
                e.getMessage());
    }

    @Test
    void aTurnNumberOutOfSequenceIsRejected() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("prep", Turn.answer("a"), Turn.answer("b"));

        LlmException e = assertThrows(LlmException.class, () -> llm.complete(request("prep", 2)));

        assertTrue(e.getMessage().contains("got turn 2 from task 'prep', but this is its call number 1"),
                e.getMessage());
    }

    @Test
    void anUnscriptedTaskIsRejectedByName() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("prep", Turn.answer("a"));

        LlmException e = assertThrows(LlmException.class, () -> llm.complete(request("report", 1)));

        assertEquals("The scripted model has no script for task 'report' (turn 1); scripted tasks: [prep].",
                e.getMessage());
    }

    @Test
    void delayedTurnsOfDifferentTasksOverlap() throws Exception {
        Duration delay = Duration.ofMillis(400);
        ScriptedLlmClient llm = ScriptedLlmClient.create()
                .task("a", Turn.answer("a").delayed(delay))
                .task("b", Turn.answer("b").delayed(delay));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            List<Future<ChatResponse>> futures = new ArrayList<>();
            for (String task : List.of("a", "b")) {
                futures.add(pool.submit(() -> llm.complete(request(task, 1))));
            }
            for (Future<ChatResponse> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(elapsedMs >= 400, "each answer waits its delay, took " + elapsedMs + " ms");
            assertTrue(elapsedMs < 790, "the two delays must overlap, took " + elapsedMs + " ms");
        } finally {
            pool.shutdownNow();
        }
    }
}
