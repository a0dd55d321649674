package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a run to a cassette and playing it back without the model, whatever the interleaving of tasks. */
class RecordReplayTest {
    private static final ToolDefinition RUN_SQL = new ToolDefinition("run_sql", "Run one SQL statement.",
            "{\"type\":\"object\"}");

    @TempDir
    Path dir;
    private Path cassette;

    @BeforeEach
    void setUp() {
        cassette = dir.resolve("run.jsonl");
    }

    /** A minimal agent: keeps one task's conversation, answers every tool call with a fixed result. */
    private static final class Agent {
        private final String task;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final Function<ToolCall, String> toolResult;
        private int turn;

        Agent(String task, String prompt, Function<ToolCall, String> toolResult) {
            this.task = task;
            this.toolResult = toolResult;
            messages.add(new ChatMessage.System("You write DuckDB views for one task."));
            messages.add(new ChatMessage.User(prompt));
        }

        Agent(String task) {
            this(task, "Task " + task + ": build " + task + "_out.", call -> "{\"success\": true, \"row_count\": 1}");
        }

        ChatResponse step(LlmClient llm) {
            ChatResponse response = llm.complete(new ChatRequest(task, ++turn, "anthropic/claude-sonnet-4.5",
                    ReasoningEffort.MEDIUM, messages, List.of(RUN_SQL)));
            messages.add(response.message());
            for (ToolCall call : response.message().toolCalls()) {
                messages.add(new ChatMessage.Tool(call.id(), toolResult.apply(call)));
            }
            return response;
        }
    }

    private static ScriptedLlmClient twoTaskModel() {
        return ScriptedLlmClient.create()
                .task("prep",
                        Turn.sql("SELECT count(*) FROM sales", "DESCRIBE sales").withUsage(new Usage(900, 40, 0, 12)),
                        Turn.rawToolCall("run_sql", "{\"query\": \"CREATE VIEW prep_out AS"),
                        Turn.sql("CREATE VIEW prep_out AS SELECT * FROM sales"),
                        Turn.answer("prep_out is ready.").withUsage(new Usage(1500, 10, 1200, 0)
                                .withCost(new BigDecimal("0.0042"))))
                .task("report",
                        Turn.sql("SELECT 1"),
                        Turn.choosing(request -> Turn.answer("report saw " + request.messages().size() + " messages")));
    }

    @Test
    void replayGivesTheRecordedAnswersInADifferentInterleaving() {
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        Agent prep = new Agent("prep");
        Agent report = new Agent("report");
        Map<String, List<ChatResponse>> recorded = new LinkedHashMap<>();
        recorded.put("prep", new ArrayList<>());
        recorded.put("report", new ArrayList<>());
        recorded.get("prep").add(prep.step(recorder));
        recorded.get("report").add(report.step(recorder));
        recorded.get("prep").add(prep.step(recorder));
        recorded.get("report").add(report.step(recorder));
        recorded.get("prep").add(prep.step(recorder));
        recorded.get("prep").add(prep.step(recorder));

        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        Agent prepAgain = new Agent("prep");
        Agent reportAgain = new Agent("report");
        List<ChatResponse> reportReplayed = List.of(reportAgain.step(replay), reportAgain.step(replay));
        List<ChatResponse> prepReplayed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            prepReplayed.add(prepAgain.step(replay));
        }

        assertEquals(recorded.get("prep"), prepReplayed);
        assertEquals(recorded.get("report"), reportReplayed);
        ToolArguments.Malformed malformed = (ToolArguments.Malformed) prepReplayed.get(1).message().toolCalls().get(0)
                .arguments();
        assertEquals("{\"query\": \"CREATE VIEW prep_out AS", malformed.text(), "replayed as the model sent it");
        assertEquals("Unexpected end-of-input: was expecting closing quote for a string value at character 35",
                malformed.problem());
        assertEquals(new Usage(900, 40, 0, 12), prepReplayed.get(0).usage());
        assertEquals(Optional.of(new BigDecimal("0.0042")), prepReplayed.get(3).usage().cost(),
                "the cost the server reported is replayed");
        assertEquals(Optional.empty(), prepReplayed.get(0).usage().cost(), "no reported cost replays as none");
        assertEquals(List.of("prep", "report"), replay.tasks());
        assertEquals("anthropic/claude-sonnet-4.5", replay.recordedModel().orElseThrow());
    }

    @Test
    void concurrentTasksRecordWholeLinesAndReplayConcurrently() throws Exception {
        ScriptedLlmClient model = ScriptedLlmClient.create();
        List<String> tasks = List.of("a", "b", "c");
        for (String task : tasks) {
            List<Turn> turns = new ArrayList<>();
            for (int i = 1; i < 15; i++) {
                turns.add(Turn.sql("SELECT " + i + " AS " + task + ", '" + "x".repeat(2000) + "' AS pad"));
            }
            turns.add(Turn.answer(task + " done"));
            model.task(task, turns.toArray(Turn[]::new));
        }
        Map<String, List<ChatResponse>> recorded = runConcurrently(new RecordingLlmClient(model, cassette), tasks, 15);

        List<String> lines = Files.readAllLines(cassette);
        assertEquals(45, lines.size());
        Set<String> keys = new TreeSet<>();
        for (String line : lines) {
            JsonNode node = OpenAiJson.read(line);
            keys.add(node.get("task").asText() + "#" + node.get("turn").asInt());
        }
        assertEquals(45, keys.size(), "each (task, turn) is recorded once, each line parses whole");

        Map<String, List<ChatResponse>> replayed = runConcurrently(new ReplayLlmClient(cassette), tasks, 15);
        assertEquals(recorded, replayed);
    }

    private static Map<String, List<ChatResponse>> runConcurrently(LlmClient llm, List<String> tasks, int turns)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            Map<String, Future<List<ChatResponse>>> futures = new LinkedHashMap<>();
            for (String task : tasks) {
                futures.put(task, pool.submit(() -> {
                    Agent agent = new Agent(task);
                    List<ChatResponse> got = new ArrayList<>();
                    for (int i = 0; i < turns; i++) {
                        got.add(agent.step(llm));
                    }
                    return got;
                }));
            }
            Map<String, List<ChatResponse>> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<ChatResponse>>> e : futures.entrySet()) {
                results.put(e.getKey(), e.getValue().get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachLineHoldsTaskTurnModelEffortUsageResponseAndMessages() throws IOException {
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        new Agent("report").step(recorder);

        String line = Files.readAllLines(cassette).get(0);
        JsonNode node = OpenAiJson.read(line);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("version", "task", "turn", "model", "effort", "usage", "response", "messages"), fields);
        assertEquals(1, node.get("version").asInt());
        assertEquals("report", node.get("task").asText());
        assertEquals(1, node.get("turn").asInt());
        assertEquals("medium", node.get("effort").asText());
        assertEquals(OpenAiJson.read("{\"prompt_tokens\": 100, \"completion_tokens\": 20, \"cached_tokens\": 0,"
                + " \"reasoning_tokens\": 0}"), node.get("usage"));
        assertEquals("assistant", node.at("/response/role").asText());
        assertEquals("run_sql", node.at("/response/tool_calls/0/function/name").asText());
        assertEquals("{\"query\":\"SELECT 1\"}", node.at("/response/tool_calls/0/function/arguments").asText());
        assertEquals(OpenAiJson.read("[{\"role\": \"system\", \"content\": \"You write DuckDB views for one task.\"},"
                + "{\"role\": \"user\", \"content\": \"Task report: build report_out.\"}]"), node.get("messages"));
    }

    @Test
    void aChangedPromptFailsNamingTaskTurnAndTheDifference() {
        new Agent("prep").step(new RecordingLlmClient(twoTaskModel(), cassette));
        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        Agent changed = new Agent("prep", "Task prep: build prep_total.", call -> "{}");

        LlmException e = assertThrows(LlmException.class, () -> changed.step(replay));

        assertEquals("Replay of task 'prep' diverged from the cassette " + cassette + " at turn 1: message 2 (user) "
                + "differs: recorded \"Task prep: build prep_out.\", got \"Task prep: build prep_total.\". The spec, "
                + "the prompts or the data changed since the recording; record the run again.", e.getMessage());
    }

    @Test
    void aToolResultThatNowFailsIsADivergence() {
        Agent recording = new Agent("prep");
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        recording.step(recorder);
        recording.step(recorder);
        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        Agent failing = new Agent("prep", "Task prep: build prep_out.",
                call -> "{\"success\": false, \"error\": \"Catalog Error: Table sales does not exist\"}");
        failing.step(replay);

        LlmException e = assertThrows(LlmException.class, () -> failing.step(replay));

        assertEquals("Replay of task 'prep' diverged from the cassette " + cassette + " at turn 2: message 4 (tool "
                + "result of call_prep_1) has success=false where the recording has success=true: recorded "
                + "\"{\"success\": true, \"row_count\": 1}\", got \"{\"success\": false, \"error\": \"Catalog Error: "
                + "Table sales does not exist\"}\". The spec, the prompts or the data changed since the recording; "
                + "record the run again.", e.getMessage());
    }

    @Test
    void toolResultsWithOtherRowsButTheSameOutcomeStillReplay() {
        Agent recording = new Agent("report", "Task report: build report_out.",
                call -> "{\"success\": true, \"rows\": [[1], [2]], \"row_count\": 2}");
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        recording.step(recorder);
        ChatResponse recordedAnswer = recording.step(recorder);
        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        Agent reordered = new Agent("report", "Task report: build report_out.",
                call -> "{\"success\": true, \"rows\": [[2], [1]], \"row_count\": 2}");

        reordered.step(replay);

        assertEquals(recordedAnswer, reordered.step(replay));
    }

    @Test
    void aConversationThatLostMessagesNamesBothShapes() {
        Agent recording = new Agent("report");
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        recording.step(recorder);
        recording.step(recorder);
        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        ChatRequest shorter = new ChatRequest("report", 2, "m", ReasoningEffort.MEDIUM,
                recording.messages.subList(0, 3), List.of());

        LlmException e = assertThrows(LlmException.class, () -> replay.complete(shorter));

        assertTrue(e.getMessage().contains("at turn 2: the recording has 4 messages (system, user, assistant, tool) "
                + "but the request has 3 (system, user, assistant)."), e.getMessage());
    }

    @Test
    void aTurnBeyondTheRecordingNamesTaskAndTurn() {
        Agent recording = new Agent("report");
        RecordingLlmClient recorder = new RecordingLlmClient(twoTaskModel(), cassette);
        recording.step(recorder);
        recording.step(recorder);
        ReplayLlmClient replay = new ReplayLlmClient(cassette);
        Agent again = new Agent("report");
        again.step(replay);
        again.step(replay);

        LlmException e = assertThrows(LlmException.class, () -> again.step(replay));

        assertEquals("The cassette " + cassette + " has no turn 3 for task 'report' (it recorded turns 1-2): the "
                + "conversation went further than the recording. Record the run again.", e.getMessage());
    }

    @Test
    void aTaskMissingFromTheCassetteIsNamed() {
        new Agent("prep").step(new RecordingLlmClient(twoTaskModel(), cassette));

        LlmException e = assertThrows(LlmException.class, () -> new Agent("report").step(new ReplayLlmClient(cassette)));

        assertEquals("The cassette " + cassette + " has no recording of task 'report' (it recorded prep). Record the "
                + "run again.", e.getMessage());
    }

    @Test
    void aMissingCassetteIsAConfigurationError() {
        LlmException e = assertThrows(LlmException.class, () -> new ReplayLlmClient(dir.resolve("nope.jsonl")));

        assertTrue(e.isConfiguration());
        assertEquals("The cassette " + dir.resolve("nope.jsonl") + " does not exist; record one first or check the "
                + "path.", e.getMessage());
    }

    @Test
    void aBrokenLineIsReportedByNumber() throws IOException {
        new Agent("prep").step(new RecordingLlmClient(twoTaskModel(), cassette));
        Files.writeString(cassette, Files.readString(cassette) + "{\"version\": 1, \"task\": \"x\"\n");

        LlmException e = assertThrows(LlmException.class, () -> new ReplayLlmClient(cassette));

        assertTrue(e.getMessage().startsWith("Line 2 of the cassette " + cassette + " is not a recorded call: not "
                + "valid JSON"), e.getMessage());
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        Files.writeString(cassette, "{\"version\": 2, \"task\": \"x\", \"turn\": 1}\n");

        LlmException e = assertThrows(LlmException.class, () -> new ReplayLlmClient(cassette));

        assertEquals("Line 1 of the cassette " + cassette + " is not a recorded call: cassette format version 2 is "
                + "not supported (this Taskgraph reads version 1).", e.getMessage());
    }

    @Test
    void theSameTurnRecordedTwiceIsRefused() throws IOException {
        new Agent("prep").step(new RecordingLlmClient(twoTaskModel(), cassette));
        String line = Files.readString(cassette);
        Files.writeString(cassette, line + "\n" + line);

        LlmException e = assertThrows(LlmException.class, () -> new ReplayLlmClient(cassette));

        assertEquals("The cassette " + cassette + " records turn 1 of task 'prep' twice (lines 1 and 3); it mixes "
                + "two runs. Record the run again into a new file.", e.getMessage());
    }

    @Test
    void aFailedCallIsNotRecordedAndItsErrorPassesThrough() throws IOException {
        RecordingLlmClient recorder = new RecordingLlmClient(ScriptedLlmClient.create().task("prep"), cassette);

        LlmException e = assertThrows(LlmException.class, () -> new Agent("prep").step(recorder));

        assertTrue(e.getMessage().contains("ran out of turns"), e.getMessage());
        assertEquals("", Files.readString(cassette));
    }

    @Test
    void startingARecordingEmptiesAnOldCassette() throws IOException {
        Files.writeString(cassette, "old run\n");

        new RecordingLlmClient(twoTaskModel(), cassette);

        assertEquals("", Files.readString(cassette));
    }

    @Test
    void aRunRecordedOverHttpReplaysAfterTheServerIsGone() throws IOException {
        ChatResponse answer = new ChatResponse(new ChatMessage.Assistant("", List.of(
                new ToolCall("call_9", "run_sql", ToolArguments.of(Map.of("query", "SELECT 42"))))), new Usage(3000, 200, 2048, 150));
        ChatResponse recorded;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(OpenAiJson.ok(answer));
            try (OpenRouterClient http = new OpenRouterClient(
                    OpenRouterConfig.of(server.url("/api/v1").toString(), "sk-or-record"), event -> { })) {
                recorded = new Agent("prep").step(new RecordingLlmClient(http, cassette));
            }
        }

        ChatResponse replayed = new Agent("prep").step(new ReplayLlmClient(cassette));

        assertEquals(answer, recorded);
        assertEquals(recorded, replayed);
        assertFalse(Files.readString(cassette).contains("sk-or-record"));
    }

    @Test
    void delayedScriptedTasksOverlapWhileRecording() throws Exception {
        ScriptedLlmClient model = ScriptedLlmClient.create()
                .task("a", Turn.answer("a").delayed(Duration.ofMillis(300)))
                .task("b", Turn.answer("b").delayed(Duration.ofMillis(300)));
        long start = System.nanoTime();

        runConcurrently(new RecordingLlmClient(model, cassette), List.of("a", "b"), 1);

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs < 590, "recording must not serialize the model calls, took " + elapsedMs + " ms");
        assertEquals(2, Files.readAllLines(cassette).size());
    }
}
