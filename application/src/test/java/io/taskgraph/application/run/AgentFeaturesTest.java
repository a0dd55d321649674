package io.taskgraph.application.run;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent's behaviour inside a real run on a real workspace: feedback, budgets, broken calls, repeats. */
@Timeout(60)
class AgentFeaturesTest {
    private static final String MODULE = "hr.specs.main";
    private static final TaskSpec SUMMARIZE = new TaskSpec("summarize", "Summarize employees by department.",
            List.of(), false, List.of("employees"), List.of("department_summary"),
            Map.of("department_summary", List.of("department", "headcount")),
            List.of("SELECT 'department ' || department || ' has no staff' FROM department_summary WHERE headcount = 0"));

    @TempDir
    Path dir;
    private RunFixture f;

    @BeforeEach
    void setUp() {
        f = new RunFixture(dir).module(InMemorySpec.module(MODULE)
                .input("employees", List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR"),
                                new Column("department", "VARCHAR")),
                        List.of(Map.of("id", 1, "name", "Alice", "department", "Eng"),
                                Map.of("id", 2, "name", "Bob", "department", "Eng"),
                                Map.of("id", 3, "name", "Carol", "department", "Sales")))
                .task(SUMMARIZE).build());
    }

    private static String lastMessage(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        return messages.get(messages.size() - 1).content();
    }

    private RunSummary run(RunOptions options) {
        return f.run(MODULE, "out.db", options, new RunControl());
    }

    private RunSummary run() {
        return run(RunOptions.defaults(RunFixture.MODEL));
    }

    @Test
    void wrongColumnsAreFedBackAsValidationFailedAndTheAgentFixesThem() {
        f.llm.task("summarize",
                Turn.sql("CREATE VIEW department_summary AS SELECT department, count(*) AS n FROM employees GROUP BY ALL"),
                Turn.answer("Done."),
                Turn.sql("CREATE OR REPLACE VIEW department_summary AS "
                        + "SELECT department, count(*) AS headcount FROM employees GROUP BY ALL"),
                Turn.answer("Renamed n to headcount."));
        RunSummary summary = run();

        TaskOutcome outcome = outcome(summary, "summarize");
        assertEquals(TaskStatus.PASSED, outcome.status());
        assertEquals(4, outcome.iterations());
        assertEquals("Validation failed:\n- View 'department_summary' is missing required column [headcount]; its "
                + "columns are [department, n].", lastMessage(f.llm.requests("summarize").get(2)));
        assertEquals(List.of(new RunEvent.ValidationFailed("summarize", List.of("View 'department_summary' is missing "
                + "required column [headcount]; its columns are [department, n]."))),
                f.events(RunEvent.ValidationFailed.class));
        assertEquals("\"Renamed n to headcount.\"", f.taskMeta("out.db").get("summarize").get("final_message"));
    }

    @Test
    void creatingAnOutputWithTheWrongShapeIsReportedInTheToolResultAtOnce() {
        f.llm.task("summarize",
                Turn.sql("CREATE VIEW department_summary AS SELECT department FROM employees"),
                Turn.sql("CREATE OR REPLACE VIEW department_summary AS "
                        + "SELECT department, count(*) AS headcount FROM employees GROUP BY ALL"),
                Turn.sql("CREATE VIEW summarize_helper AS SELECT 1 AS x"),
                Turn.answer("done"));
        assertTrue(run().succeeded());
        List<ChatRequest> requests = f.llm.requests("summarize");
        Map<String, Object> first = Json.parseObject(lastMessage(requests.get(1)));
        assertEquals(true, first.get("success"));
        assertEquals(Map.of("department_summary", "View 'department_summary' is missing required column [headcount]; "
                + "its columns are [department]."), first.get("output_check"));
        Map<String, Object> second = Json.parseObject(lastMessage(requests.get(2)));
        assertEquals(Map.of("department_summary", "ok: exists with the required columns"), second.get("output_check"));
        Map<String, Object> helper = Json.parseObject(lastMessage(requests.get(3)));
        assertFalse(helper.containsKey("output_check"), "helpers are not declared outputs");
    }

    @Test
    void theIterationBudgetEndsTheTaskAsFailedWithItsValidationFailures() {
        f.llm.task("summarize", Turn.sql("SELECT 1"), Turn.sql("SELECT 2"), Turn.sql("SELECT 3"));
        RunSummary summary = run(RunOptions.defaults(RunFixture.MODEL).withMaxIterations(3));
        TaskOutcome outcome = outcome(summary, "summarize");
        assertEquals(TaskStatus.FAILED, outcome.status());
        assertEquals(3, outcome.iterations());
        assertEquals("Spent its budget of 3 model calls without passing validation.", outcome.reason());
        assertEquals(List.of("Output view 'department_summary' does not exist; create it with CREATE OR REPLACE VIEW "
                + "department_summary AS SELECT ...."), outcome.failures());
        Map<String, String> meta = f.taskMeta("out.db").get("summarize");
        assertEquals("\"FAILED\"", meta.get("validation"));
        assertEquals("3", meta.get("iterations"));
    }

    @Test
    void theTokenCircuitBreakerEndsTheTaskAsFailed() {
        f.llm.usagePerResponse(new Usage(9_000_000, 1_000_000, 0, 0));
        f.llm.task("summarize", Turn.sql("SELECT 1"), Turn.sql("SELECT 2"), Turn.sql("SELECT 3"));
        RunSummary summary = run();
        TaskOutcome outcome = outcome(summary, "summarize");
        assertEquals(TaskStatus.FAILED, outcome.status());
        assertEquals(2, outcome.iterations());
        assertEquals("Stopped by the token circuit breaker: 20,000,000 prompt+completion tokens used "
                + "(limit 20,000,000).", outcome.reason());
        assertEquals(new Usage(18_000_000, 2_000_000, 0, 0), outcome.usage());
        assertEquals("18000000", f.taskMeta("out.db").get("summarize").get("prompt_tokens"));
    }

    @Test
    void malformedToolArgumentsGetAnErrorResultAndTheTaskCarriesOn() {
        f.llm.task("summarize",
                Turn.rawToolCall("run_sql", "{\"query\": \"SELECT 1"),
                Turn.sql("CREATE VIEW department_summary AS SELECT department, count(*) AS headcount "
                        + "FROM employees GROUP BY ALL"),
                Turn.answer("done"));
        RunSummary summary = run();
        assertTrue(summary.succeeded());
        Map<String, Object> error = Json.parseObject(lastMessage(f.llm.requests("summarize").get(1)));
        assertEquals(false, error.get("success"));
        assertTrue(((String) error.get("error")).startsWith("The arguments of run_sql are not a valid JSON object"));
        assertEquals(2, outcome(summary, "summarize").toolCalls());
        assertEquals(1L, ((Number) f.rows("out.db", "SELECT count(*) FROM _trace").get(0).get(0)).longValue(),
                "the broken call never reached the database");
    }

    @Test
    void repeatingTheIdenticalQueryThreeRoundsInARowGetsANote() {
        String same = "SELECT department, count(*) FROM employees GROUP BY ALL";
        f.llm.task("summarize", Turn.sql(same), Turn.sql(same), Turn.sql(same),
                Turn.sql("CREATE VIEW department_summary AS SELECT department, count(*) AS headcount "
                        + "FROM employees GROUP BY ALL"),
                Turn.answer("done"));
        assertTrue(run().succeeded());
        List<ChatRequest> requests = f.llm.requests("summarize");
        assertFalse(Json.parseObject(lastMessage(requests.get(2))).containsKey("note"));
        Map<String, Object> third = Json.parseObject(lastMessage(requests.get(3)));
        assertEquals(true, third.get("success"));
        assertTrue(((String) third.get("note")).contains("identical call in 3 rounds in a row"), third.toString());
    }

    @Test
    void aDeniedStatementIsTracedAndExplainedToTheAgent() {
        f.llm.task("summarize", Turn.sql("CREATE TABLE department_summary AS SELECT 1 AS x"),
                Turn.sql("CREATE VIEW department_summary AS SELECT department, count(*) AS headcount "
                        + "FROM employees GROUP BY ALL"),
                Turn.answer("done"));
        assertTrue(run().succeeded());
        Map<String, Object> denied = Json.parseObject(lastMessage(f.llm.requests("summarize").get(1)));
        assertEquals(false, denied.get("success"));
        assertFalse(((String) denied.get("error")).isBlank());
        assertEquals(List.of(List.of(false), List.of(true)), f.rows("out.db", "SELECT success FROM _trace ORDER BY id"));
        List<RunEvent.SqlExecuted> sql = f.events(RunEvent.SqlExecuted.class);
        assertFalse(sql.get(0).success());
        assertTrue(sql.get(1).success());
    }

    @Test
    void aModelErrorFailsTheTaskWithTheMessage() {
        f.llm.task("summarize", Turn.sql("SELECT 1"));
        TaskOutcome outcome = outcome(run(), "summarize");
        assertEquals(TaskStatus.FAILED, outcome.status());
        assertEquals("The model call failed: The scripted model ran out of turns: task 'summarize' asked for turn 2 "
                + "but only 1 are scripted.", outcome.reason());
    }
}
