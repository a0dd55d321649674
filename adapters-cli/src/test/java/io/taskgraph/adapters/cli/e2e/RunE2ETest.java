package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("e2e")
class RunE2ETest {
    @TempDir
    Path dir;

    private FakeModelServer model;
    private AppDir app;
    private Taskgraph taskgraph;

    @BeforeEach
    void start() throws Exception {
        model = FakeModelServer.start();
        app = new AppDir(dir);
        taskgraph = new Taskgraph(dir).model(model);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void theDiamondRunsIntoOneWorkspaceWithItsExportAndExitsZero() throws Exception {
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model);

        Taskgraph.Result r = taskgraph.run("run", "--spec", spec, "-o", "out.db", "-m", "test/model-1", "--concurrency", "2");

        assertEquals(0, r.exitCode(), r.all());
        Path db = app.path("out.db");
        assertEquals(List.of(List.of("35")), WorkspaceFile.query(db, "SELECT profit FROM profit_report"));
        assertEquals("profit\n35\n", Files.readString(app.path("report.csv")));
        Map<String, String> meta = WorkspaceFile.workspaceMeta(db);
        assertEquals("my_app.specs.main", meta.get("spec_module"));
        assertEquals("test/model-1", meta.get("model"));
        assertEquals(Files.readString(app.path("my_app/specs/main.py")), meta.get("spec_source"));
        assertTrue(WorkspaceFile.taskMeta(db, "report").get("validation").contains("PASSED"), WorkspaceFile.taskMeta(db, "report").toString());
        assertEquals(List.of(List.of("5")), WorkspaceFile.query(db, "SELECT count(*) FROM _trace"));
        assertTrue(model.requests().stream().allMatch(req -> "test/model-1".equals(req.get("model"))));
        // What the user sees without a terminal: plain lines, the table, where to look next.
        for (String line : List.of("] Running my_app.specs.main -> out.db with test/model-1: 4 tasks",
                "] ingested transactions: 4 rows", "] prep: started (agent)", "] report: passed (2 iterations, 1 tool call,",
                "] export report.csv: wrote report.csv", "  Task    Status  Iterations  Tool calls  Tokens",
                "Done: 4 of 4 tasks passed.", "  taskgraph report out.db   ", "  taskgraph trace out.db   ")) {
            assertTrue(r.out().contains(line), line + "\n" + r.all());
        }
        assertFalse(r.out().contains("\033["), "no ANSI escapes without a terminal");
    }

    @Test
    void anInputOfManyRowsArrivesWholeAndInSourceOrderWhileTheBridgeStillWritesIt() throws Exception {
        // 300,000 rows: more than two of the bridge's parts of 122,880 rows, loaded as each is written
        String spec = app.spec("many", """
                def orders():
                    return [{"id": i, "customer": "c%d" % (i % 1000), "amount": None if i % 10 == 0 else i * 0.5}
                            for i in range(1, 300001)]

                INPUTS = {"orders": orders}
                TASKS = [{"name": "totals", "inputs": ["orders"], "outputs": ["totals"],
                          "sql": "CREATE VIEW totals AS SELECT count(*) AS n, sum(amount) AS total FROM orders"}]
                """);

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("] ingested orders: 300000 rows"), r.all());
        Path db = app.path("out.db");
        assertEquals(List.of(List.of("300000", "0", "30000", "c0")), WorkspaceFile.query(db,
                "SELECT count(*), count(*) FILTER (WHERE _row_id <> id), count(*) FILTER (WHERE amount IS NULL), "
                        + "max_by(customer, _row_id) FROM orders"));
        assertEquals(List.of(List.of("300000", "20250000000")), WorkspaceFile.query(db, "SELECT n, CAST(total AS BIGINT) FROM totals"));
    }

    @Test
    void aTaskThatNeverValidatesFailsTheRunWithExitOneAndBlocksItsDependents() throws Exception {
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model).script("[costs]", Reply.answer("I think it is done."), Reply.answer("Still done."));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db", "--max-iterations", "2");

        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("] costs: failed"), r.all());
        assertTrue(r.out().contains("] report: blocked"), r.all());
        assertTrue(r.out().contains("Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked)"), r.all());
        assertTrue(r.out().contains("taskgraph rerun out.db -o out-rerun.db"), r.all());
        assertEquals(List.of(), model.requests("[report]"), "a blocked task never calls the model");
        assertFalse(Files.exists(app.path("report.csv")), "exports run only after every task passed");
    }

    @Test
    void quietPrintsOnlyTheSummary() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);
        model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db", "-q");

        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.out().contains("] "), "no progress lines with -q:\n" + r.all());
        assertTrue(r.out().contains("Done: 1 of 1 task passed."), r.all());
    }

    @Test
    void retriesOfABusyModelServerAreShownAsTheyHappen() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);
        model.script(AppDir.SUMMARIZE_MARKER, Reply.busy(429, 1), Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("] summarize: model call failed (HTTP 429: scripted status 429); retry 1 in 1.0s"),
                r.all());
        assertEquals(3, model.requestCount());
    }

    @Test
    void aMissingApiKeyStopsBeforeAnythingStarts() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);

        Taskgraph.Result r = taskgraph.env("OPENROUTER_API_KEY", null).run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("taskgraph: No OpenRouter API key is set. Set the OPENROUTER_API_KEY environment "
                + "variable"), r.all());
        assertEquals("", r.out());
        assertFalse(Files.exists(app.path("out.db")));
        assertEquals(0, model.requestCount());
    }

    @Test
    void theApiKeyMayComeFromDotEnvInTheAppDirectory() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);
        app.write(".env", "OPENROUTER_API_KEY=sk-from-dotenv\n");
        model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));

        Taskgraph.Result r = taskgraph.env("OPENROUTER_API_KEY", null).run("run", "-s", spec, "-o", "out.db");

        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    void anExistingOutputIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);
        app.write("out.db", "an earlier result");
        model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));

        Taskgraph.Result refused = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, refused.exitCode(), refused.all());
        assertEquals("taskgraph: Output out.db already exists; pass -f (--force) to overwrite it, or choose another -o path.\n",
                refused.err());
        assertEquals("an earlier result", Files.readString(app.path("out.db")));
        assertEquals(0, model.requestCount());

        Taskgraph.Result forced = taskgraph.run("run", "-s", spec, "-o", "out.db", "-f");

        assertEquals(0, forced.exitCode(), forced.all());
        assertEquals(List.of(List.of("3")), WorkspaceFile.query(app.path("out.db"), "SELECT count(*) FROM department_summary"));
    }

    @Test
    void specGraphAndInputErrorsExitTwoBeforeAnyModelCall() throws Exception {
        String cycle = app.spec("cycle", """
                INPUTS = {"orders": [{"id": 1}]}
                TASKS = [
                    {"name": "a", "prompt": "A", "inputs": ["orders", "b_out"], "outputs": ["a_out"]},
                    {"name": "b", "prompt": "B", "inputs": ["a_out"], "outputs": ["b_out"]},
                ]
                """);
        String badInput = app.spec("bad_input", Diamond.SPEC.replace("\"amount\": 20}", "\"amount\": -20}"));
        String notPython = app.spec("syntax", "INPUTS = {\nTASKS = []\n");

        Taskgraph.Result cycleRun = taskgraph.run("run", "-s", cycle, "-o", "cycle.db");
        Taskgraph.Result inputRun = taskgraph.run("run", "-s", badInput, "-o", "input.db");
        Taskgraph.Result syntaxRun = taskgraph.run("run", "-s", notPython, "-o", "syntax.db");

        assertEquals(2, cycleRun.exitCode(), cycleRun.all());
        assertTrue(cycleRun.err().contains("The tasks form a cycle: "), cycleRun.all());
        assertEquals(2, inputRun.exitCode(), inputRun.all());
        assertTrue(inputRun.err().contains("negative amount in 2"), inputRun.all());
        assertEquals(2, syntaxRun.exitCode(), syntaxRun.all());
        assertTrue(syntaxRun.err().contains("my_app.specs.syntax"), syntaxRun.all());
        for (Taskgraph.Result r : List.of(cycleRun, inputRun, syntaxRun)) {
            assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.all());
        }
        assertEquals(0, model.requestCount());
    }

    @Test
    void aRunThatStopsBeforeAnyTaskLeavesNoFileAndTheFixedSpecRunsIntoTheSamePath() throws Exception {
        String spec = app.spec("main", Diamond.SPEC.replace("\"amount\": 20}", "\"amount\": -20}"));
        Diamond.solve(model);

        Taskgraph.Result failed = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, failed.exitCode(), failed.all());
        assertEquals("taskgraph: Input validation failed; no task was started:\n"
                + "  - Input 'transactions': negative amount in 2\n", failed.err());
        assertFalse(Files.exists(app.path("out.db")), "nothing of value was made, so no file blocks the retry");
        assertFalse(Files.exists(app.path("out.db.wal")));

        app.spec("main", Diamond.SPEC);
        Taskgraph.Result retried = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(0, retried.exitCode(), retried.all());
        assertTrue(retried.out().contains("Done: 4 of 4 tasks passed."), retried.all());
    }

    @Test
    void aMissingInputFileStopsTheRunWithItsPathAndLeavesNoFile() throws Exception {
        String spec = app.spec("main", """
                INPUTS = {"orders": "data/orders.csv"}
                TASKS = [{"name": "totals", "sql": "CREATE VIEW totals AS SELECT count(*) AS n FROM orders",
                          "inputs": ["orders"], "outputs": ["totals"]}]
                """);

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: Input 'orders': file data/orders.csv not found (looked at "
                + app.path("data/orders.csv") + ", relative to the working directory " + app.dir() + ").\n", r.err());
        assertEquals("", r.out(), "nothing started, not even the progress lines");
        assertFalse(Files.exists(app.path("out.db")));
    }

    @Test
    void aSpecOfSqlTasksRunsWithoutAnApiKeyAndOneWithRepairAsksForIt() throws Exception {
        String sqlOnly = app.spec("sql_only", """
                INPUTS = {"orders": [{"id": 1, "amount": 5}, {"id": 2, "amount": 7}]}
                TASKS = [{"name": "totals", "sql": "CREATE VIEW totals AS SELECT sum(amount) AS total FROM orders",
                          "inputs": ["orders"], "outputs": ["totals"]}]
                """);
        String repaired = app.spec("repaired", """
                INPUTS = {"orders": [{"id": 1, "amount": 5}]}
                TASKS = [{"name": "totals", "prompt": "The total of the orders.", "repair": True,
                          "sql": "CREATE VIEW totals AS SELECT sum(amount) AS total FROM orders",
                          "inputs": ["orders"], "outputs": ["totals"]}]
                """);
        Taskgraph noKey = taskgraph.env("OPENROUTER_API_KEY", null);

        Taskgraph.Result sql = noKey.run("run", "-s", sqlOnly, "-o", "sql.db");
        Taskgraph.Result repair = noKey.run("run", "-s", repaired, "-o", "repair.db");

        assertEquals(0, sql.exitCode(), sql.all());
        assertTrue(sql.out().contains("Done: 1 of 1 task passed."), sql.all());
        assertEquals(List.of(List.of("12")), WorkspaceFile.query(app.path("sql.db"), "SELECT total FROM totals"));
        assertEquals(2, repair.exitCode(), repair.all());
        assertTrue(repair.err().startsWith("taskgraph: No OpenRouter API key is set."), repair.all());
        assertFalse(Files.exists(app.path("repair.db")));
        assertEquals(0, model.requestCount());
    }

    @Test
    void anAgentThatMakesNoProgressIsStoppedAfterThreeIdleTurnsWithTheReasonEverywhere() throws Exception {
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model).script("[costs]", Reply.answer("Done."), Reply.answer("Done."), Reply.answer("Done."),
                Reply.answer("Done."), Reply.answer("Done."), Reply.answer("Done."));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(1, r.exitCode(), r.all());
        assertEquals(4, model.requests("[costs]").size(), "one failing answer, then three identical ones");
        String reason = "No progress in 3 turns in a row: it answered without running any SQL and validation "
                + "failed the same way each time (--max-idle-turns 3).";
        assertTrue(r.out().contains("] costs: failed: " + reason + " (4 iterations, 0 tool calls"), r.all());
        assertTrue(r.out().contains("  costs: " + reason), r.all());
        assertTrue(r.out().contains("Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked)."), r.all());
        assertEquals("\"" + reason + "\"", WorkspaceFile.taskMeta(app.path("out.db"), "costs").get("reason"));

        Taskgraph.Result patient = taskgraph.run("run", "-s", spec, "-o", "patient.db", "--max-idle-turns", "0",
                "--max-iterations", "6");
        assertEquals(1, patient.exitCode(), patient.all());
        assertTrue(patient.out().contains("  costs: Spent its budget of 6 model calls without passing validation."),
                patient.all());
    }

    @Test
    void aMisspeltTaskInputSuggestsTheTable() throws Exception {
        String spec = app.spec("main", """
                INPUTS = {"orders": [{"id": 1}]}
                TASKS = [{"name": "count", "prompt": "Count the orders.", "inputs": ["ordrs"], "outputs": ["n"]}]
                """);

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: Task 'count' reads input 'ordrs', which is neither an ingested table [orders] nor an "
                + "output of another task; did you mean 'orders'?\n", r.err());
    }

    @Test
    void columnNamesThatDifferOnlyInCaseExitTwoNamingThemAndMixedTypesAreWarnedAbout() throws Exception {
        String clash = app.spec("clash", """
                INPUTS = {"orders": [{"ID": 1, "id": 2}]}
                TASKS = [{"name": "t", "sql": "CREATE VIEW t_out AS SELECT * FROM orders", "inputs": ["orders"],
                          "outputs": ["t_out"]}]
                """);
        String mixed = app.spec("mixed", """
                INPUTS = {"orders": [{"id": 1, "code": 10}, {"id": 2, "code": "B-20"}]}
                TASKS = [{"name": "t", "sql": "CREATE VIEW t_out AS SELECT * FROM orders", "inputs": ["orders"],
                          "outputs": ["t_out"]}]
                """);

        Taskgraph.Result clashRun = taskgraph.run("run", "-s", clash, "-o", "clash.db");
        Taskgraph.Result mixedRun = taskgraph.run("run", "-s", mixed, "-o", "mixed.db");

        assertEquals(2, clashRun.exitCode(), clashRun.all());
        assertEquals("taskgraph: Input 'orders' (list of 1 rows) has columns whose names differ only in case: 'ID' and "
                + "'id'. DuckDB does not tell such names apart: it would rename one of them, and tasks could read the "
                + "wrong column. Rename the columns in the data (list of 1 rows) so that no two differ only in case, and "
                + "run again.\n", clashRun.err());
        assertEquals(0, mixedRun.exitCode(), mixedRun.all());
        assertTrue(mixedRun.err().contains("] warning: Input 'orders', column 'code' mixes int and str values; stored as "
                + "VARCHAR (text). Row 1 holds an int (10); row 2 is the first to differ: a str ('B-20'). Fix the loader "
                + "if the column should hold one type.\n"), mixedRun.all());
        assertEquals(List.of(List.of("10"), List.of("B-20")),
                WorkspaceFile.query(app.path("mixed.db"), "SELECT code FROM orders ORDER BY _row_id"));
        assertEquals(0, model.requestCount());
    }

    @Test
    void aKeyRefusedMidRunStopsEveryTaskWithOneMessageExitTwoAndARerunContinues() throws Exception {
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model)
                .script("[sales]", Reply.sql("SELECT count(*) FROM prepared_sales"),
                        Reply.answer("Done.").after(Duration.ofSeconds(30)))
                .script("[costs]", Reply.sql(Diamond.COSTS), Reply.busy(401, 0));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, r.exitCode(), r.all());
        String message = "The model server at " + model.baseUrl() + " rejected the API key on the call of task 'costs' "
                + "(turn 2): HTTP 401: scripted status 401. Check OPENROUTER_API_KEY (environment or .env): it may be "
                + "mistyped, revoked or expired; OpenRouter keys are at https://openrouter.ai/keys.";
        assertTrue(r.err().endsWith("taskgraph: The run stopped. " + message + "\n"), r.all());
        assertEquals(1, r.all().split("rejected the API key", -1).length - 1, "said once:\n" + r.all());
        assertTrue(r.out().contains("Stopped: 1 of 4 tasks passed (1 failed, 2 interrupted)."), r.all());
        assertTrue(r.out().contains("taskgraph rerun out.db -o out-rerun.db"), r.all());
        assertEquals(2, model.requests("[costs]").size(), "the refusal is not retried");
        assertTrue(model.requests("[sales]").size() <= 2, "sales made no call after the refusal");
        assertEquals(List.of(), model.requests("[report]"), "report never started");
        Path db = app.path("out.db");
        assertEquals("\"failed\"", WorkspaceFile.taskMeta(db, "costs").get("status"));
        assertEquals("\"The model server refused its call (HTTP 401: scripted status 401), so the run stopped.\"",
                WorkspaceFile.taskMeta(db, "costs").get("reason"));
        assertEquals("\"interrupted\"", WorkspaceFile.taskMeta(db, "sales").get("status"));
        assertEquals("\"Not started: the model server refused the run's calls (HTTP 401: scripted status 401).\"",
                WorkspaceFile.taskMeta(db, "report").get("reason"));
        assertEquals("true", WorkspaceFile.workspaceMeta(db).get("interrupted"));

        model.script("[sales]", Reply.sql(Diamond.SALES), Reply.answer("Done."))
                .script("[costs]", Reply.sql(Diamond.COSTS), Reply.answer("Done."));
        int prepCalls = model.requests("[prep]").size();
        Taskgraph.Result resumed = taskgraph.run("rerun", "out.db", "-o", "resumed.db");

        assertEquals(0, resumed.exitCode(), resumed.all());
        assertEquals(prepCalls, model.requests("[prep]").size(), "prep had passed: reused");
        assertEquals(List.of(List.of("35")), WorkspaceFile.query(app.path("resumed.db"), "SELECT profit FROM profit_report"));
    }

    @Test
    void aRecordedRunReplaysOfflineWithoutAnApiKey() throws Exception {
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model);

        Taskgraph.Result recorded = taskgraph.run("run", "-s", spec, "-o", "live.db", "--llm-record", "run.jsonl");
        model.close();
        Taskgraph.Result replayed = taskgraph.env("OPENROUTER_API_KEY", null).env("OPENROUTER_BASE_URL", null)
                .run("run", "-s", spec, "-o", "replay.db", "--llm-replay", "run.jsonl");

        assertEquals(0, recorded.exitCode(), recorded.all());
        assertEquals(8, Files.readAllLines(app.path("run.jsonl")).size(), "one line per model call");
        assertEquals(0, replayed.exitCode(), replayed.all());
        assertTrue(replayed.out().startsWith("Replaying recorded model answers from run.jsonl: no model is called"), replayed.all());
        assertTrue(replayed.out().contains("(replay: recorded answers, no model is called)"), replayed.all());
        String views = "SELECT table_name, view_definition FROM information_schema.views ORDER BY table_name";
        assertEquals(WorkspaceFile.query(app.path("live.db"), views), WorkspaceFile.query(app.path("replay.db"), views));
        assertEquals(WorkspaceFile.query(app.path("live.db"), "SELECT task, query, success FROM _trace ORDER BY task, id"),
                WorkspaceFile.query(app.path("replay.db"), "SELECT task, query, success FROM _trace ORDER BY task, id"));
    }
}
