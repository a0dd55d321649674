package io.taskgraph.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import io.taskgraph.domain.validation.ValidationReport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AgentLoopTest {
    private static final AgentSettings SETTINGS = new AgentSettings("test/model", ReasoningEffort.MEDIUM, 10, 1_000_000);

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> executed = new CopyOnWriteArrayList<>();

    /** A task whose tool echoes queries and whose validation plays the given reports in order (then passes). */
    private final class FakeTask implements AgentTask {
        private final Deque<ValidationReport> reports;

        FakeTask(ValidationReport... reports) {
            this.reports = new ArrayDeque<>(List.of(reports));
        }

        @Override
        public String name() {
            return "t";
        }

        @Override
        public List<ChatMessage> opening() {
            return List.of(new ChatMessage.System("system"), new ChatMessage.User("brief"));
        }

        @Override
        public List<Tool> tools() {
            return List.of(new Tool() {
                @Override
                public ToolDefinition definition() {
                    return new ToolDefinition("run_sql", "run", "{}");
                }

                @Override
                public String call(ToolArguments.Values arguments) {
                    String q = arguments.text("query")
                            .orElseThrow(() -> new ToolArgumentException("run_sql needs a \"query\" string"));
                    executed.add(q);
                    return "{\"success\":true,\"message\":\"ran\"}";
                }
            });
        }

        @Override
        public ValidationReport validate() {
            return reports.isEmpty() ? ValidationReport.PASSED : reports.poll();
        }
    }

    private AgentResult run(ScriptedLlmClient llm, AgentTask task, AgentSettings settings) {
        return new AgentLoop(llm, events::add).run(task, settings, () -> false);
    }

    private static String lastMessage(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        return messages.get(messages.size() - 1).content();
    }

    @Test
    void toolCallsRunInOrderAndTheirResultsAreAppendedBeforeTheNextModelCall() {
        ScriptedLlmClient llm = ScriptedLlmClient.create()
                .task("t", Turn.sql("SELECT 1", "SELECT 2"), Turn.answer("All done: built the view."));
        AgentResult result = run(llm, new FakeTask(), SETTINGS);
        assertEquals(AgentStop.PASSED, result.stop());
        assertEquals(List.of("SELECT 1", "SELECT 2"), executed);
        ChatRequest second = llm.requests("t").get(1);
        assertEquals(2, second.turn());
        List<ChatMessage> messages = second.messages();
        assertEquals(5, messages.size());
        assertTrue(messages.get(2) instanceof ChatMessage.Assistant);
        ChatMessage.Tool first = (ChatMessage.Tool) messages.get(3);
        ChatMessage.Assistant call = (ChatMessage.Assistant) messages.get(2);
        assertEquals(call.toolCalls().get(0).id(), first.toolCallId());
        assertEquals("{\"success\":true,\"message\":\"ran\"}", first.content());
        assertEquals("test/model", second.model());
        assertEquals(ReasoningEffort.MEDIUM, second.effort());
        assertEquals("run_sql", second.tools().get(0).name());
        assertEquals(2, result.iterations());
        assertEquals(2, result.toolCalls());
        assertEquals("All done: built the view.", result.finalMessage());
    }

    @Test
    void validationFailureIsFedBackAndTheAgentContinuesUntilItPasses() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.answer("done"),
                Turn.choosing(request -> lastMessage(request).startsWith("Validation failed:")
                        ? Turn.answer("fixed") : Turn.answer("feedback missing")));
        ValidationReport wrong = new ValidationReport(List.of("View 'out' is missing required column 'total'."));
        AgentResult result = run(llm, new FakeTask(wrong), SETTINGS);
        assertEquals(AgentStop.PASSED, result.stop());
        assertEquals("Validation failed:\n- View 'out' is missing required column 'total'.",
                lastMessage(llm.requests("t").get(1)));
        assertEquals(List.of(new RunEvent.ValidationFailed("t", wrong.failures())),
                events.stream().filter(e -> e instanceof RunEvent.ValidationFailed).toList());
        assertEquals("fixed", result.finalMessage());
        assertTrue(result.failures().isEmpty());
    }

    @Test
    void theIterationBudgetStopsTheAgentWithTheLatestFailures() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.answer("a"), Turn.answer("b"), Turn.answer("c"));
        ValidationReport wrong = new ValidationReport(List.of("View 'out' does not exist."));
        AgentResult result = run(llm, new FakeTask(wrong, wrong, wrong, wrong, wrong),
                new AgentSettings("m", ReasoningEffort.LOW, 3, 1_000_000));
        assertEquals(AgentStop.ITERATION_BUDGET, result.stop());
        assertEquals(3, result.iterations());
        assertEquals(3, llm.requests("t").size());
        assertEquals("Spent its budget of 3 model calls without passing validation.", result.reason());
        assertEquals(List.of("View 'out' does not exist."), result.failures());
    }

    @Test
    void anAgentThatAnswersTheSameFailingWayTurnAfterTurnIsStoppedAfterMaxIdleTurns() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.answer("done"), Turn.answer("done!"),
                Turn.answer("really done"), Turn.answer("done, I said"), Turn.answer("never reached"));
        ValidationReport wrong = new ValidationReport(List.of("View 'out' does not exist."));
        AgentResult result = run(llm, new FakeTask(wrong, wrong, wrong, wrong, wrong),
                new AgentSettings("m", ReasoningEffort.LOW, 200, 1_000_000, 3));
        assertEquals(AgentStop.NO_PROGRESS, result.stop());
        assertEquals(4, result.iterations(), "the first failing answer is news; three identical ones after it are idle");
        assertEquals(1, llm.remainingTurns("t"));
        assertEquals("No progress in 3 turns in a row: it answered without running any SQL and validation failed "
                + "the same way each time (--max-idle-turns 3).", result.reason());
        assertEquals(List.of("View 'out' does not exist."), result.failures());
    }

    @Test
    void aToolCallOrADifferentFailureIsProgressAndStartsTheCountAgain() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.answer("a"), Turn.answer("b"),
                Turn.sql("SELECT 1"), Turn.answer("c"), Turn.answer("d"), Turn.answer("e"), Turn.answer("f"));
        ValidationReport missing = new ValidationReport(List.of("View 'out' does not exist."));
        ValidationReport column = new ValidationReport(List.of("View 'out' is missing required column 'total'."));
        AgentResult result = run(llm, new FakeTask(missing, missing, missing, column, column),
                new AgentSettings("m", ReasoningEffort.LOW, 200, 1_000_000, 2));
        assertEquals(AgentStop.PASSED, result.stop());
        assertEquals(7, result.iterations());
    }

    @Test
    void maxIdleTurnsZeroNeverStopsAnAgentForMakingNoProgress() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.answer("a"), Turn.answer("b"),
                Turn.answer("c"), Turn.answer("d"), Turn.answer("e"));
        ValidationReport wrong = new ValidationReport(List.of("View 'out' does not exist."));
        AgentResult result = run(llm, new FakeTask(wrong, wrong, wrong, wrong, wrong, wrong),
                new AgentSettings("m", ReasoningEffort.LOW, 5, 1_000_000, 0));
        assertEquals(AgentStop.ITERATION_BUDGET, result.stop());
        assertEquals(5, result.iterations());
    }

    @Test
    void theTokenCircuitBreakerStopsBeforeTheNextModelCall() {
        Usage big = new Usage(600, 100, 50, 10);
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.sql("SELECT 1").withUsage(big), Turn.sql("SELECT 2").withUsage(big), Turn.sql("SELECT 3"));
        AgentResult result = run(llm, new FakeTask(), new AgentSettings("m", ReasoningEffort.LOW, 10, 1_400));
        assertEquals(AgentStop.TOKEN_BUDGET, result.stop());
        assertEquals(2, result.iterations());
        assertEquals(new Usage(1200, 200, 100, 20), result.usage());
        assertEquals("Stopped by the token circuit breaker: 1,400 prompt+completion tokens used (limit 1,400).",
                result.reason());
        assertEquals(1, llm.remainingTurns("t"));
    }

    @Test
    void malformedArgumentsAndUnknownToolsGetErrorResultsNotACrash() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.rawToolCall("run_sql", "{\"query\": \"SELECT 1\""),
                Turn.rawToolCall("run_sql", "{\"sql\": \"SELECT 1\"}"),
                Turn.rawToolCall("drop_database", "{}"),
                Turn.answer("done"));
        AgentResult result = run(llm, new FakeTask(), SETTINGS);
        assertEquals(AgentStop.PASSED, result.stop());
        assertTrue(executed.isEmpty());
        Map<String, Object> broken = Json.parseObject(lastMessage(llm.requests("t").get(1)));
        assertEquals(false, broken.get("success"));
        assertTrue(((String) broken.get("error")).startsWith("The arguments of run_sql are not a valid JSON object ("),
                broken.toString());
        assertTrue(((String) broken.get("error")).endsWith("send them as {\"query\": \"<one SQL statement>\"}."));
        assertEquals(Map.of("success", false, "error", "run_sql needs a \"query\" string"),
                Json.parseObject(lastMessage(llm.requests("t").get(2))));
        assertEquals(Map.of("success", false, "error", "There is no tool named 'drop_database'; the tools are run_sql."),
                Json.parseObject(lastMessage(llm.requests("t").get(3))));
        assertEquals(3, result.toolCalls());
    }

    @Test
    void theThirdIdenticalCallInARowGetsANoteAndDifferentCallsDoNot() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.sql("SELECT * FROM x"), Turn.sql("SELECT * FROM x"), Turn.sql("SELECT * FROM y"),
                Turn.sql("SELECT * FROM x"), Turn.sql("SELECT * FROM x"), Turn.sql("  SELECT * FROM x "),
                Turn.answer("done"));
        run(llm, new FakeTask(), SETTINGS);
        List<ChatRequest> requests = llm.requests("t");
        for (int turn = 2; turn <= 6; turn++) {
            assertFalse(Json.parseObject(lastMessage(requests.get(turn - 1))).containsKey("note"), "turn " + turn);
        }
        Map<String, Object> sixth = Json.parseObject(lastMessage(requests.get(6)));
        assertEquals(true, sixth.get("success"));
        assertTrue(((String) sixth.get("note")).startsWith("You have sent this identical call in 3 rounds in a row."),
                sixth.toString());
    }

    @Test
    void usageAccumulatesAndEachModelCallIsAnnouncedWithTheUsageSoFar() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.sql("SELECT 1").withUsage(new Usage(10, 2, 5, 1)), Turn.answer("ok").withUsage(new Usage(20, 3, 7, 0)));
        AgentResult result = run(llm, new FakeTask(), SETTINGS);
        assertEquals(new Usage(30, 5, 12, 1), result.usage());
        assertEquals(List.of(new RunEvent.TaskIteration("t", 1, Usage.NONE),
                        new RunEvent.TaskIteration("t", 2, new Usage(10, 2, 5, 1))),
                events.stream().filter(e -> e instanceof RunEvent.TaskIteration).toList());
    }

    @Test
    void aModelErrorEndsTheTaskWithTheClientsMessage() {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t", Turn.sql("SELECT 1"));
        AgentResult result = run(llm, new FakeTask(new ValidationReport(List.of("View 'out' does not exist."))), SETTINGS);
        assertEquals(AgentStop.LLM_ERROR, result.stop());
        assertEquals("The model call failed: The scripted model ran out of turns: task 't' asked for turn 2 but only "
                + "1 are scripted.", result.reason());
        assertEquals(List.of("View 'out' does not exist."), result.failures());
    }

    @Test
    void cancellingStopsTheLoopDuringAModelCall() throws Exception {
        ScriptedLlmClient llm = ScriptedLlmClient.create().task("t",
                Turn.sql("SELECT 1"), Turn.answer("late").delayed(Duration.ofSeconds(20)));
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread runner = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            while (llm.requests("t").size() < 2) {
                Thread.onSpinWait();
            }
            cancelled.set(true);
            runner.interrupt();
        });
        canceller.start();
        long start = System.nanoTime();
        AgentResult result = new AgentLoop(llm, events::add).run(new FakeTask(), SETTINGS, cancelled::get);
        while (canceller.isAlive()) {
            try {
                canceller.join();
            } catch (InterruptedException e) {
                // The canceller's interrupt can land after run() saw the cancel flag and returned: not a failure.
            }
        }
        Thread.interrupted();
        assertEquals(AgentStop.CANCELLED, result.stop());
        assertEquals("Interrupted before the task finished.", result.reason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }
}
