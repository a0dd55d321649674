package io.taskgraph.application.run;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.InputValidationException;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.GraphException;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.DeclaredFile;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunWorkspaceTest {
    @TempDir
    Path dir;

    private RunFixture diamond() {
        return new RunFixture(dir).module(Diamond.spec()
                .git(new GitInfo(Optional.of("/src/shop"), Optional.of("0123456789abcdef0123456789abcdef01234567"),
                        Optional.of(false)))
                .source("INPUTS = {}\nTASKS = []\n")
                .build()).script(Diamond.script());
    }

    @Test
    void diamondRunBuildsEveryViewWithTheRightContents() {
        RunFixture f = diamond();
        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of("prep", "sales", "costs", "report"), summary.tasks().stream().map(TaskOutcome::task).toList());
        assertTrue(summary.tasks().stream().allMatch(t -> t.status() == TaskStatus.PASSED));
        assertEquals(List.of(List.of("fruit", new BigDecimal("14.75")), List.of("vegetable", new BigDecimal("7.00"))),
                f.rows("out.db", "SELECT category, revenue FROM sales_summary ORDER BY category"));
        assertEquals(List.of(List.of(new BigDecimal("21.75"), new BigDecimal("5.50"), new BigDecimal("16.25"))),
                f.rows("out.db", "SELECT revenue, cost, profit FROM profit_report"));
        assertEquals(List.of(List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 4L)),
                f.rows("out.db", "SELECT row_number() OVER (ORDER BY id), id FROM prepared_sales ORDER BY id")
                        .stream().map(r -> List.<Object>of(((Number) r.get(0)).longValue(),
                                ((Number) r.get(1)).longValue())).toList());
        assertEquals(3, f.llm.requests("prep").size());
    }

    @Test
    void diamondRunRecordsEveryAgentStatementInTheTrace() {
        RunFixture f = diamond();
        f.run(Diamond.MODULE, "out.db");
        Map<String, List<String>> traced = new LinkedHashMap<>();
        for (List<Object> row : f.rows("out.db", "SELECT task, query, success FROM _trace ORDER BY id")) {
            assertEquals(true, row.get(2));
            traced.computeIfAbsent((String) row.get(0), k -> new java.util.ArrayList<>()).add((String) row.get(1));
        }
        assertEquals(List.of("SELECT DISTINCT kind FROM transactions", Diamond.PREP_SALES, Diamond.PREP_COSTS),
                traced.get("prep"));
        assertEquals(List.of(Diamond.SALES), traced.get("sales"));
        assertEquals(List.of(Diamond.COSTS), traced.get("costs"));
        assertEquals(List.of(Diamond.REPORT), traced.get("report"));
    }

    @Test
    void diamondRunRecordsTaskMetadata() {
        RunFixture f = diamond();
        f.run(Diamond.MODULE, "out.db");
        Map<String, Map<String, String>> meta = f.taskMeta("out.db");
        assertEquals(Set.of("prep", "sales", "costs", "report"), meta.keySet());
        Map<String, String> prep = meta.get("prep");
        assertEquals("\"test/model-1\"", prep.get("model"));
        assertEquals("\"low\"", prep.get("reasoning_effort"));
        assertEquals(List.of("prepared_sales", "prepared_costs"), Json.parse(prep.get("outputs")));
        assertEquals("3", prep.get("iterations"));
        assertEquals("3", prep.get("tool_calls"));
        assertEquals("\"PASSED\"", prep.get("validation"));
        assertEquals("300", prep.get("prompt_tokens"));
        assertEquals("60", prep.get("completion_tokens"));
        assertEquals("0", prep.get("cache_read_tokens"));
        assertEquals("0", prep.get("reasoning_tokens"));
        assertEquals("\"" + RunFixture.NOW + "\"", prep.get("timestamp"));
        assertEquals("\"agent\"", prep.get("kind"));
        assertEquals("\"passed\"", prep.get("status"));
        assertEquals("\"prepared_sales and prepared_costs split the transactions by kind.\"", prep.get("final_message"));
        assertTrue(Double.parseDouble(prep.get("elapsed_s")) >= 0);
        assertEquals(TaskDefinition.of(Diamond.prep()), TaskDefinition.parse(prep.get("definition")));
        assertEquals("Sum sales revenue by product category.",
                f.rows("out.db", "SELECT value->>'prompt' FROM _task_meta WHERE task = 'sales' AND key = 'definition'")
                        .get(0).get(0), "the definition is plain SQL away");
    }

    @Test
    void diamondRunRecordsWorkspaceMetadata() {
        RunFixture f = diamond();
        f.run(Diamond.MODULE, "out.db");
        Map<String, String> meta = f.workspaceMeta("out.db");
        assertEquals(RunFixture.MODEL, meta.get("model"));
        assertEquals(RunFixture.NOW.toString(), meta.get("timestamp"));
        assertEquals(Diamond.MODULE, meta.get("spec_module"));
        assertEquals("INPUTS = {}\nTASKS = []\n", meta.get("spec_source"));
        assertEquals("0123456789abcdef0123456789abcdef01234567", meta.get("spec_git_commit"));
        assertEquals("/src/shop", meta.get("spec_git_root"));
        assertEquals("false", meta.get("spec_git_dirty"));
        assertEquals("false", meta.get("interrupted"));
        assertEquals(Map.of("transactions", 5L, "products", 3L), Json.parse(meta.get("input_row_counts")));
        assertEquals(Map.of(), Json.parse(meta.get("input_files")), "rows made in the spec come from no file of the user's");
        Map<String, Object> prompts = Json.parseObject(meta.get("prompts"));
        assertEquals("Split the transactions into sales and costs.", prompts.get("prep"));
        assertEquals(4, prompts.size());
        assertFalse(meta.get("fingerprint").isBlank());
        Json.parse(meta.get("fingerprint"));
        assertFalse(meta.containsKey("source_db"));
        assertFalse(meta.containsKey("rerun_mode"));
    }

    @Test
    void salesAndCostsOverlapInTimeWhileReportWaitsForBoth() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build());
        // Each of sales and costs waits in its first model call until the other is in its own: both calls can
        // only return in time if the two tasks really run at the same time.
        CountDownLatch bothCalling = new CountDownLatch(2);
        Map<String, Boolean> metTheOther = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Function<String, Turn> meeting = sql -> Turn.choosing(request -> {
            bothCalling.countDown();
            try {
                metTheOther.put(request.task(), bothCalling.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Turn.sql(sql);
        });
        f.llm.task("prep", Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer("done"));
        f.llm.task("sales", meeting.apply(Diamond.SALES), Turn.answer("done").delayed(Duration.ofMillis(100)));
        f.llm.task("costs", meeting.apply(Diamond.COSTS), Turn.answer("done").delayed(Duration.ofMillis(100)));
        f.llm.task("report", Turn.sql(Diamond.REPORT), Turn.answer("done"));
        assertTrue(f.run(Diamond.MODULE, "out.db").succeeded());
        assertEquals(Map.of("sales", true, "costs", true), metTheOther);

        Map<String, Long> started = new LinkedHashMap<>();
        Map<String, Long> finished = new LinkedHashMap<>();
        for (RunFixture.Timed t : f.timed) {
            if (t.event() instanceof RunEvent.TaskStarted s) {
                started.put(s.task(), t.nanos());
            } else if (t.event() instanceof RunEvent.TaskFinished done) {
                finished.put(done.outcome().task(), t.nanos());
            }
        }
        assertTrue(started.get("sales") < finished.get("costs") && started.get("costs") < finished.get("sales"),
                "sales and costs must run at the same time");
        assertTrue(started.get("sales") > finished.get("prep") && started.get("costs") > finished.get("prep"));
        assertTrue(started.get("report") > finished.get("sales") && started.get("report") > finished.get("costs"),
                "report waits for both");
    }

    @Test
    void aFailingBranchBlocksOnlyItsDependents() {
        TaskSpec side = TaskSpec.agent("side", "Count products.", List.of("products"), List.of("product_count"));
        RunFixture f = new RunFixture(dir).module(Diamond.spec().task(side).build());
        f.llm.task("prep", Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer("done"));
        f.llm.task("sales", Turn.answer("I could not do it."), Turn.answer("Still nothing."));
        f.llm.task("costs", Turn.sql(Diamond.COSTS), Turn.answer("done"));
        f.llm.task("side", Turn.sql("CREATE VIEW product_count AS SELECT count(*) AS n FROM products"),
                Turn.answer("done"));
        RunSummary summary = f.run(Diamond.MODULE, "out.db",
                RunOptions.defaults(RunFixture.MODEL).withMaxIterations(2), new RunControl());

        assertFalse(summary.succeeded());
        TaskOutcome sales = outcome(summary, "sales");
        assertEquals(TaskStatus.FAILED, sales.status());
        assertEquals("Spent its budget of 2 model calls without passing validation.", sales.reason());
        assertEquals(List.of("Output view 'sales_summary' does not exist; create it with CREATE OR REPLACE VIEW "
                + "sales_summary AS SELECT ...."), sales.failures());
        assertEquals("Still nothing.", sales.finalMessage());
        assertEquals(TaskStatus.PASSED, outcome(summary, "costs").status());
        assertEquals(TaskStatus.PASSED, outcome(summary, "side").status());
        TaskOutcome report = outcome(summary, "report");
        assertEquals(TaskStatus.BLOCKED, report.status());
        assertEquals("Not run because upstream task 'sales' failed.", report.reason());
        assertTrue(f.llm.requests("report").isEmpty());
        Map<String, Map<String, String>> meta = f.taskMeta("out.db");
        assertEquals("\"FAILED\"", meta.get("sales").get("validation"));
        assertEquals("\"failed\"", meta.get("sales").get("status"));
        assertEquals("\"blocked\"", meta.get("report").get("status"));
        assertEquals(List.of(List.of(3L)), f.rows("out.db", "SELECT n FROM product_count"));
    }

    @Test
    void exportsAreWrittenNextToTheOutputWhenEveryTaskPassed() throws Exception {
        RunFixture f = new RunFixture(dir).module(Diamond.spec()
                .export("report.csv", (reader, file) -> {
                    List<Object> row = reader.query("SELECT revenue, cost, profit FROM profit_report").rows().get(0);
                    Files.writeString(file, row.stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n");
                })
                .export("broken.csv", (reader, file) -> reader.query("SELECT * FROM no_such_view"))
                .build()).script(Diamond.script());
        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        assertTrue(summary.allTasksPassed());
        assertFalse(summary.succeeded(), "one export failed");
        assertEquals("21.75,5.50,16.25\n", Files.readString(dir.resolve("report.csv")));
        assertEquals(2, summary.exports().size());
        assertTrue(summary.exports().get(0).succeeded());
        assertTrue(summary.exports().get(1).error().orElseThrow().contains("no_such_view"),
                summary.exports().get(1).toString());
        assertEquals(2, f.events(RunEvent.ExportFinished.class).size());
    }

    @Test
    void exportsDoNotRunWhenATaskFailed() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec()
                .export("report.csv", (reader, file) -> Files.writeString(file, "x")).build());
        f.llm.task("prep", Turn.answer("nothing"));
        RunSummary summary = f.run(Diamond.MODULE, "out.db",
                RunOptions.defaults(RunFixture.MODEL).withMaxIterations(1), new RunControl());
        assertEquals(List.of(TaskStatus.FAILED, TaskStatus.BLOCKED, TaskStatus.BLOCKED, TaskStatus.BLOCKED),
                summary.tasks().stream().map(TaskOutcome::status).toList());
        assertTrue(summary.exports().isEmpty());
        assertFalse(Files.exists(dir.resolve("report.csv")));
    }

    @Test
    void theRunPublishesItsEventsInOrder() {
        RunFixture f = diamond();
        RunSummary summary = f.run(Diamond.MODULE, "out.db");
        List<RunEvent> events = f.events();
        RunEvent.RunStarted started = (RunEvent.RunStarted) events.get(0);
        assertEquals(Diamond.MODULE, started.specModule());
        assertEquals(dir.resolve("out.db"), started.output());
        assertEquals(RunFixture.MODEL, started.model());
        assertEquals(Map.of("prep", List.of(), "sales", List.of("prep"), "costs", List.of("prep"),
                "report", List.of("sales", "costs")), started.dependencies());
        assertFalse(started.replay());
        assertEquals(List.of("transactions", "products"),
                f.events(RunEvent.InputIngested.class).stream().map(RunEvent.InputIngested::input).toList());
        assertEquals(5, f.events(RunEvent.InputIngested.class).get(0).rows());
        assertEquals(4, f.events(RunEvent.TaskStarted.class).size());
        assertEquals(new RunEvent.TaskStarted("prep", TaskKind.AGENT), f.events(RunEvent.TaskStarted.class).get(0));
        assertEquals(6, f.events(RunEvent.SqlExecuted.class).size());
        assertEquals(9, f.events(RunEvent.TaskIteration.class).size());
        assertEquals(4, f.events(RunEvent.TaskFinished.class).size());
        assertEquals(new RunEvent.RunFinished(summary), events.get(events.size() - 1));
        assertTrue(events.indexOf(f.events(RunEvent.InputIngested.class).get(1))
                < events.indexOf(f.events(RunEvent.TaskStarted.class).get(0)));
    }

    @Test
    void theFirstMessageBriefsTheAgentOnItsTask() {
        RunFixture f = diamond();
        f.run(Diamond.MODULE, "out.db");
        List<ChatMessage> opening = f.llm.requests("sales").get(0).messages();
        assertEquals("system", opening.get(0).role());
        assertTrue(opening.get(0).content().contains("QUALIFY"));
        String brief = opening.get(1).content();
        assertTrue(brief.startsWith("# Task: sales\n\nSum sales revenue by product category.\n"), brief);
        assertTrue(brief.contains("### prepared_sales (view, 3 rows)"), brief);
        assertTrue(brief.contains("### products (table, 3 rows)"), brief);
        assertTrue(brief.contains("Columns: _row_id INTEGER, product VARCHAR, category VARCHAR"), brief);
        assertTrue(brief.contains("{\"_row_id\":1,\"product\":\"apple\",\"category\":\"fruit\"}"), brief);
        assertTrue(brief.contains("- sales_summary with at least the columns: category, revenue"), brief);
        assertTrue(brief.contains("sales_summary or names starting with sales_"), brief);
        assertTrue(brief.contains("SELECT 'negative revenue in ' || category FROM sales_summary WHERE revenue < 0"),
                brief);
    }

    @Test
    void tasksReadingTheSameInputAreShownTheSamePictureOfIt() {
        TaskSpec costsAlsoReadingProducts = new TaskSpec("costs", "Total the costs.", List.of(), false,
                List.of("prepared_costs", "products"), List.of("costs_summary"),
                Map.of("costs_summary", List.of("total_cost")), List.of());
        RunFixture f = new RunFixture(dir).module(Diamond.specWith(costsAlsoReadingProducts).build())
                .script(Diamond.script());
        f.run(Diamond.MODULE, "out.db");
        String products = "### products (table, 3 rows)\nColumns: _row_id INTEGER, product VARCHAR, category VARCHAR\n"
                + "Sample rows:\n{\"_row_id\":1,\"product\":\"apple\",\"category\":\"fruit\"}\n";
        for (String task : List.of("sales", "costs")) {
            String brief = f.llm.requests(task).get(0).messages().get(1).content();
            assertTrue(brief.contains(products), task + ": " + brief);
        }
        String costs = f.llm.requests("costs").get(0).messages().get(1).content();
        assertTrue(costs.contains("### prepared_costs (view, 2 rows)"), costs);
    }

    @Test
    void readersSeeAnOutputAsItWasWhenItsTaskPassedThoughItWasPicturedWhileTheModelThought() {
        // prep's model thinks for a second after building its views (its outputs are pictured then), and answers
        // by replacing prepared_sales: the picture taken before that must not reach sales' briefing.
        Map<String, List<Turn>> script = new LinkedHashMap<>(Diamond.script());
        script.put("prep", List.of(Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS),
                Turn.sql("CREATE OR REPLACE VIEW prepared_sales AS SELECT id, product, amount, day FROM transactions "
                        + "WHERE kind = 'sale' AND id <> 4").delayed(Duration.ofSeconds(1)),
                Turn.answer("prepared_sales leaves out the kale sale.")));
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build()).script(script);
        f.run(Diamond.MODULE, "out.db");
        String sales = f.llm.requests("sales").get(0).messages().get(1).content();
        assertTrue(sales.contains("### prepared_sales (view, 2 rows)"), sales);
        assertFalse(sales.contains("{\"id\":4,"), sales);
    }

    @Test
    void readersGetThePictureTakenWhileTheModelThoughtAndItIsTheSameAsTheirOwn() {
        Map<String, List<Turn>> script = new LinkedHashMap<>(Diamond.script());
        script.put("prep", List.of(Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS),
                Turn.answer("Both views are built.").delayed(Duration.ofSeconds(1))));
        RunFixture pictured = new RunFixture(dir).module(Diamond.spec().build()).script(script);
        pictured.run(Diamond.MODULE, "pictured.db");
        RunFixture plain = diamond();
        plain.run(Diamond.MODULE, "plain.db");
        for (String task : List.of("sales", "costs")) {
            assertEquals(plain.llm.requests(task).get(0).messages().get(1).content(),
                    pictured.llm.requests(task).get(0).messages().get(1).content(), task);
        }
    }

    @Test
    void graphErrorsAreReportedBeforeTheWorkspaceFileIsCreated() {
        TaskSpec loop1 = TaskSpec.agent("a", "p", List.of("b_out"), List.of("a_out"));
        TaskSpec loop2 = TaskSpec.agent("b", "p", List.of("a_out"), List.of("b_out"));
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("cyc").task(loop1).task(loop2).build());
        GraphException e = assertThrows(GraphException.class, () -> f.run("cyc", "out.db"));
        assertTrue(e.getMessage().startsWith("The tasks form a cycle: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.db")));
        assertTrue(f.llm.requests().isEmpty());
        assertEquals(0, f.specs.openSessions());
    }

    @Test
    void inputValidationFailuresStopTheRunBeforeAnyAgentStarts() {
        InputSpec strict = new InputSpec("transactions", List.of("id", "kind", "amount", "currency"), List.of());
        InputSpec checked = new InputSpec("products", List.of(), List.of(
                "SELECT 'product ' || product || ' has no category' FROM products WHERE category = 'vegetable'"));
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module(Diamond.MODULE)
                .input(strict, Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
                .input(checked, Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(Diamond.tasks()).build()).script(Diamond.script());
        InputValidationException e = assertThrows(InputValidationException.class, () -> f.run(Diamond.MODULE, "out.db"));
        assertEquals(List.of("Input 'transactions' is missing required column [currency]; its columns are "
                        + "[id, kind, product, amount, day].", "Input 'products': product kale has no category"),
                e.failures());
        assertTrue(f.llm.requests().isEmpty());
        assertTrue(f.events(RunEvent.TaskStarted.class).isEmpty());
        assertFalse(Files.exists(dir.resolve("out.db")), "a run that started no task leaves no file to block its retry");
        assertFalse(Files.exists(dir.resolve("out.db.wal")));

        f.module(Diamond.spec().build());
        assertTrue(f.run(Diamond.MODULE, "out.db").succeeded(), "the fixed spec runs into the same path, no -f");
    }

    @Test
    void anInputThatFailsToLoadLeavesNoFile() {
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("m")
                .failingInput("orders", "FileNotFoundError: orders.csv")
                .task(TaskSpec.agent("a", "p", List.of("orders"), List.of("a_out"))).build());
        assertThrows(InvalidSpecException.class, () -> f.run("m", "out.db"));
        assertFalse(Files.exists(dir.resolve("out.db")));
        assertEquals(0, f.specs.openSessions());
    }

    @Test
    void aMissingInputFileIsReportedBeforeAnythingIsWrittenOrAnyModelCheck() {
        InputSpec orders = new InputSpec("orders", List.of(), List.of(),
                Optional.of(new DeclaredFile("data/orders.csv", dir)));
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("m")
                .input(orders, List.of(new io.taskgraph.domain.data.Column("x", "BIGINT")), List.of())
                .task(TaskSpec.agent("a", "p", List.of("orders"), List.of("a_out"))).build());
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> f.run("m", "out.db"));
        assertEquals("Input 'orders': file data/orders.csv not found (looked at " + dir.resolve("data/orders.csv")
                + ", relative to the working directory " + dir + ").", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.db")));
        assertTrue(f.events().isEmpty(), "the run never started: " + f.events());
    }

    @Test
    void theModelIsCheckedOnlyWhenATaskMayCallIt() {
        LlmClient noKey = new LlmClient() {
            @Override
            public ChatResponse complete(ChatRequest request) {
                throw new AssertionError("no model call expected");
            }

            @Override
            public void checkReady() {
                throw new LlmException("No OpenRouter API key is set.", true);
            }
        };
        TaskSpec sql = new TaskSpec("totals", "", List.of("CREATE VIEW totals AS SELECT count(*) AS n FROM t"), false,
                List.of("t"), List.of("totals"), Map.of(), List.of());
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("sql")
                .input("t", List.of(new io.taskgraph.domain.data.Column("x", "BIGINT")),
                        List.<Map<String, Object>>of(Map.of("x", 1L)))
                .task(sql).build());
        RunSummary done = new RunWorkspace(f.specs.forAnotherRun(), f.workbooks, f.engine, noKey, f.listener(),
                f.clock).run(new RunRequest(
                SpecRequest.of("sql", dir), dir.resolve("sql.db"), false, RunOptions.defaults(RunFixture.MODEL)),
                new RunControl());
        assertTrue(done.succeeded(), "a spec of SQL tasks runs without a key: " + done);

        f.module(InMemorySpec.module("agent").input("t", List.of(new io.taskgraph.domain.data.Column("x", "BIGINT")),
                List.of()).task(TaskSpec.agent("a", "p", List.of("t"), List.of("a_out"))).build());
        LlmException missing = assertThrows(LlmException.class, () -> new RunWorkspace(f.specs.forAnotherRun(),
                f.workbooks, f.engine, noKey, f.listener(), f.clock).run(new RunRequest(SpecRequest.of("agent", dir),
                dir.resolve("agent.db"), false, RunOptions.defaults(RunFixture.MODEL)), new RunControl()));
        assertEquals("No OpenRouter API key is set.", missing.getMessage());
        assertFalse(Files.exists(dir.resolve("agent.db")), "the key is asked for before anything is written");
    }

    @Test
    void anExistingOutputIsReplacedOnlyWhenAsked() throws Exception {
        RunFixture f = diamond();
        Files.writeString(dir.resolve("out.db"), "precious");
        assertThrows(WorkspaceException.class, () -> f.run(Diamond.MODULE, "out.db"));
        assertEquals("precious", Files.readString(dir.resolve("out.db")));
        assertTrue(f.llm.requests().isEmpty());
    }

    @Test
    void anEmptyInputGivesAWarning() {
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("m")
                .input("t", List.of(new io.taskgraph.domain.data.Column("x", "BIGINT")), List.of())
                .task(TaskSpec.agent("a", "p", List.of("t"), List.of("a_out"))).build());
        f.llm.task("a", Turn.sql("CREATE VIEW a_out AS SELECT x FROM t"), Turn.answer("done"));
        assertTrue(f.run("m", "out.db").succeeded());
        assertEquals(List.of(new RunEvent.Warning("Input 't' (in-memory rows of t) has no rows; tasks reading it will "
                + "see an empty table.")), f.events(RunEvent.Warning.class));
    }

    @Test
    void aPrefixThatCoversAnotherTasksOutputIsWarnedAboutAndCannotTakeTheOutput() {
        RunFixture f = new RunFixture(dir).module(InMemorySpec.module("m")
                .input("t", List.of(new io.taskgraph.domain.data.Column("x", "BIGINT")), List.of(Map.of("x", 1L)))
                .task(TaskSpec.agent("up", "p", List.of("t"), List.of("down_table")))
                .task(TaskSpec.agent("down", "p", List.of("down_table"), List.of("down_report"))).build());
        f.llm.task("up", Turn.sql("CREATE VIEW down_table AS SELECT x FROM t"), Turn.answer("done"));
        f.llm.task("down", Turn.sql("CREATE OR REPLACE VIEW down_table AS SELECT 666 AS x",
                "CREATE VIEW down_report AS SELECT x FROM down_table"), Turn.answer("done"));

        assertTrue(f.run("m", "out.db").succeeded());

        assertEquals(List.of(new RunEvent.Warning("Task 'down' has the name prefix down_, which also matches "
                + "'down_table', an output of task 'up'. The output belongs to 'up': task 'down' may not create, replace "
                + "or drop it. Rename the output or the task if that is not what you meant.")),
                f.events(RunEvent.Warning.class));
        assertEquals(List.of(List.of(1L)), f.rows("out.db", "SELECT x FROM down_report"));
        String refusal = f.rows("out.db", "SELECT error FROM _trace WHERE task = 'down' AND NOT success").get(0).get(0)
                .toString();
        assertTrue(refusal.startsWith("CREATE VIEW down_table is outside the namespace of task 'down': it is an output "
                + "of task 'up'"), refusal);
    }

    @Test
    void theBriefingSaysWhatTheAgentMayRead() {
        RunFixture f = diamond();
        f.run(Diamond.MODULE, "out.db");
        String brief = f.llm.requests("sales").get(0).messages().get(1).content();
        assertTrue(brief.contains("## What you may read\nOnly your inputs (prepared_sales, products), the views and "
                + "macros you create, and the catalog (DESCRIBE, SHOW TABLES, information_schema, duckdb_tables(), "
                + "duckdb_views(), duckdb_columns(), duckdb_functions()). Other tasks' views, input tables not listed "
                + "here, Taskgraph's own tables (_trace, _task_meta, _workspace_meta), files and settings are refused."),
                brief);
        String system = f.llm.requests("sales").get(0).messages().get(0).content();
        assertTrue(system.contains("You may read only your task's inputs (listed in the briefing)"), system);
    }
}
