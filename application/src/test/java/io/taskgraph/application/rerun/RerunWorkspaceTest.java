package io.taskgraph.application.rerun;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RerunWorkspaceTest {
    private static final String COMMIT = "1111111111111111111111111111111111111111";
    private static final String OTHER_COMMIT = "2222222222222222222222222222222222222222";

    @TempDir
    Path dir;
    private RunFixture f;

    private static GitInfo at(String commit) {
        return new GitInfo(Optional.of("/src/shop"), Optional.of(commit), Optional.of(false));
    }

    @BeforeEach
    void firstRun() {
        f = new RunFixture(dir).module(Diamond.spec().git(at(COMMIT)).build()).script(Diamond.script());
        assertTrue(f.run(Diamond.MODULE, "jan.db").succeeded());
        f.llm = ScriptedLlmClient.create();
        f.timed.clear();
    }

    private List<TaskStatus> statuses(RunSummary summary) {
        return summary.tasks().stream().map(TaskOutcome::status).toList();
    }

    @Test
    void validateModeReusesEveryTaskWhoseViewsStillPassWithoutCallingTheModel() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("jan.db"));
        RunSummary summary = f.rerun("jan.db", "feb.db", RerunMode.VALIDATE);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED), statuses(summary));
        assertTrue(f.llm.requests().isEmpty());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("jan.db")), "the source is never modified");
        Map<String, String> meta = f.workspaceMeta("feb.db");
        assertEquals(dir.resolve("jan.db").toAbsolutePath().normalize().toString(), meta.get("source_db"));
        assertEquals("validate", meta.get("rerun_mode"));
        assertEquals(RunFixture.MODEL, meta.get("model"), "the recorded model is kept");
        assertEquals("\"reused\"", f.taskMeta("feb.db").get("sales").get("status"));
        assertEquals("\"PASSED\"", f.taskMeta("feb.db").get("sales").get("validation"));
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("feb.db", "SELECT profit FROM profit_report"));
    }

    @Test
    void validateModeRunsAgentsOnlyForFailingTasksAndRevalidatesTheirDependentsAfterwards() {
        // February: sales must now also report a row count column, which January's view lacks.
        TaskSpec sales = new TaskSpec("sales", "Sum sales revenue by product category, with line counts.", List.of(),
                false, List.of("prepared_sales", "products"), List.of("sales_summary"),
                Map.of("sales_summary", List.of("category", "revenue")),
                List.of("SELECT 'sales_summary needs a lines column' WHERE NOT EXISTS (SELECT 1 FROM duckdb_columns() "
                        + "WHERE table_name = 'sales_summary' AND column_name = 'lines')"));
        TaskSpec report = Diamond.report().withValidateSql(List.of(
                "SELECT 'report total disagrees with sales' FROM profit_report "
                        + "WHERE revenue <> (SELECT sum(revenue) FROM sales_summary)"));
        f.module(InMemorySpec.module("shop.specs.feb").git(at(OTHER_COMMIT))
                .input(new InputSpec("transactions", List.of("id", "kind", "amount"), List.of()),
                        Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(List.of(Diamond.prep(), sales, Diamond.costs(), report)).build());
        String fixed = "CREATE OR REPLACE VIEW sales_summary AS SELECT p.category, sum(s.amount) AS revenue, "
                + "count(*) AS lines FROM prepared_sales s JOIN products p USING (product) GROUP BY ALL ORDER BY ALL";
        f.llm.task("sales", Turn.sql(fixed), Turn.answer("Added lines."));
        List<String> order = new ArrayList<>();
        f.onEvent(e -> {
            if (e instanceof RunEvent.TaskFinished done) {
                synchronized (order) {
                    order.add(done.outcome().task());
                }
            }
        });
        RerunRequest request = new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false,
                Optional.of("shop.specs.feb"), dir, Map.of(), RerunMode.VALIDATE, false, false, Optional.empty(),
                RunOptions.defaults("unused"));
        RunSummary summary = f.rerun(request, new RunControl());

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.REUSED), statuses(summary));
        assertTrue(order.indexOf("report") > order.indexOf("sales"), "report is validated after sales was re-run");
        String brief = f.llm.requests("sales").get(0).messages().get(1).content();
        assertTrue(brief.contains("The existing outputs fail validation now:\n- sales_summary needs a lines column"),
                brief);
        assertTrue(brief.contains("## Your existing outputs"), brief);
        assertTrue(brief.contains("Definition:"), brief);
        assertEquals("shop.specs.feb", f.workspaceMeta("feb.db").get("spec_module"));
        assertEquals(OTHER_COMMIT, f.workspaceMeta("feb.db").get("spec_git_commit"));
    }

    @Test
    void reviewModeAlwaysInvokesTheAgentWithTheExistingViews() {
        for (String task : List.of("prep", "sales", "costs", "report")) {
            f.llm.task(task, Turn.answer("Reviewed; the views are right."));
        }
        RunSummary summary = f.rerun("jan.db", "feb.db", RerunMode.REVIEW);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.PASSED, TaskStatus.PASSED, TaskStatus.PASSED), statuses(summary));
        ChatRequest first = f.llm.requests("costs").get(0);
        String brief = first.messages().get(1).content();
        assertTrue(brief.contains("### costs_summary (view, 1 row)"), brief);
        assertTrue(brief.contains("The existing outputs above pass validation as they are."), brief);
        assertTrue(brief.contains("SELECT sum(amount) AS total_cost"), brief);
        assertEquals("review", f.workspaceMeta("feb.db").get("rerun_mode"));
        assertEquals("\"Reviewed; the views are right.\"", f.taskMeta("feb.db").get("costs").get("final_message"));
    }

    @Test
    void anIncompatibleSpecIsRefusedBeforeAnyModelCallListingEveryDifference() {
        TaskSpec costs = new TaskSpec("costs", "Total the costs.", List.of(), false, List.of("prepared_costs"),
                List.of("costs_summary", "costs_by_day"), Map.of("costs_summary", List.of("total_cost")), List.of());
        f.module(InMemorySpec.module("shop.specs.mar")
                .input(new InputSpec("transactions", List.of("id", "kind"), List.of()),
                        Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(List.of(Diamond.prep(), Diamond.sales(), costs, Diamond.report())).build());
        RerunRequest request = new RerunRequest(dir.resolve("jan.db"), dir.resolve("mar.db"), false,
                Optional.of("shop.specs.mar"), dir, Map.of(), RerunMode.VALIDATE, true, false, Optional.empty(),
                RunOptions.defaults("unused"));
        FingerprintMismatchException e = assertThrows(FingerprintMismatchException.class,
                () -> f.rerun(request, new RunControl()));
        assertEquals(2, e.differences().size(), e.differences().toString());
        assertTrue(e.getMessage().contains("transactions"), e.getMessage());
        assertTrue(e.getMessage().contains("costs_by_day"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Spec 'shop.specs.mar' is not structurally compatible with workspace "),
                e.getMessage());
        assertTrue(f.llm.requests().isEmpty());
        assertFalse(Files.exists(dir.resolve("mar.db")));
    }

    @Test
    void aRecordedSpecEditedAndCommittedSinceIsUsedAsItIsNowAndReportedOnce() {
        f.module(Diamond.spec().git(at(OTHER_COMMIT)).source("# edited and committed\n").build());
        RunSummary summary = f.rerun("jan.db", "feb.db", RerunMode.VALIDATE);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(new RunEvent.SpecChanged(Diamond.MODULE,
                "edited since it was recorded (git commit 1111111 -> 2222222)")), f.events(RunEvent.SpecChanged.class));
        assertEquals(List.of(), f.events(RunEvent.Warning.class), "one note, no warning on top");
        assertEquals(OTHER_COMMIT, f.workspaceMeta("feb.db").get("spec_git_commit"));
        assertTrue(f.llm.requests().isEmpty());
    }

    @Test
    void uncommittedEditsAreReportedTheSameWayAsCommittedOnes() {
        f.module(Diamond.spec().git(new GitInfo(Optional.of("/src/shop"), Optional.of(COMMIT), Optional.of(true)))
                .source("# edited, not committed\n").build());
        assertTrue(f.rerun("jan.db", "feb.db", RerunMode.VALIDATE).succeeded());
        assertEquals(List.of(new RunEvent.SpecChanged(Diamond.MODULE, "edited since it was recorded (uncommitted edits)")),
                f.events(RunEvent.SpecChanged.class));
    }

    @Test
    void aCommitThatMovedWithoutTouchingTheSpecIsNoChange() {
        f.module(Diamond.spec().git(at(OTHER_COMMIT)).build());
        assertTrue(f.rerun("jan.db", "feb.db", RerunMode.VALIDATE).succeeded());
        assertEquals(List.of(), f.events(RunEvent.SpecChanged.class));
    }

    @Test
    void ignoringTheCommitKeepsQuietAboutAnEditedSpec() {
        f.module(Diamond.spec().git(at(OTHER_COMMIT)).source("# edited\n").build());
        RerunRequest request = new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false, Optional.empty(),
                dir, Map.of(), RerunMode.VALIDATE, false, true, Optional.empty(), RunOptions.defaults("unused"));
        assertTrue(f.rerun(request, new RunControl()).succeeded());
        assertEquals(List.of(), f.events(RunEvent.SpecChanged.class));
        assertEquals(List.of(), f.events(RunEvent.Warning.class));
    }

    @Test
    void reingestReplacesTheInputsAndTheViewsFollowTheNewData() {
        List<Map<String, Object>> february = new ArrayList<>(Diamond.transactions());
        february.add(Diamond.row("id", 6, "kind", "sale", "product", "kale", "amount", 100.00, "day",
                java.time.LocalDate.of(2026, 2, 1)));
        f.module(InMemorySpec.module("shop.specs.feb")
                .input(new InputSpec("transactions", List.of("id", "kind", "amount"), List.of()),
                        Diamond.TRANSACTION_COLUMNS, february)
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(Diamond.tasks()).build());
        RerunRequest request = new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false,
                Optional.of("shop.specs.feb"), dir, Map.of(), RerunMode.VALIDATE, true, false, Optional.empty(),
                RunOptions.defaults("unused"));
        RunSummary summary = f.rerun(request, new RunControl());

        assertTrue(summary.succeeded(), summary.toString());
        assertTrue(f.llm.requests().isEmpty(), "the SQL still fits the new data, so no model call is needed");
        assertEquals(List.of(List.of(new BigDecimal("116.25"))), f.rows("feb.db", "SELECT profit FROM profit_report"));
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("jan.db", "SELECT profit FROM profit_report"));
        assertEquals(Map.of("transactions", 6L, "products", 3L),
                Json.parse(f.workspaceMeta("feb.db").get("input_row_counts")));
    }

    @Test
    void aMissingOrForeignSourceIsAClearError() throws Exception {
        UsageException missing = assertThrows(UsageException.class,
                () -> f.rerun("nope.db", "feb.db", RerunMode.VALIDATE));
        assertTrue(missing.getMessage().startsWith("Workspace file " + dir.resolve("nope.db") + " does not exist"),
                missing.getMessage());
        UsageException same = assertThrows(UsageException.class, () -> f.rerun("jan.db", "jan.db", RerunMode.VALIDATE));
        assertTrue(same.getMessage().contains("a rerun never modifies its source"), same.getMessage());
        try (var empty = f.engine.create(dir.resolve("plain.db"), false)) {
            empty.checkpoint();
        }
        WorkspaceException foreign = assertThrows(WorkspaceException.class,
                () -> f.rerun("plain.db", "feb.db", RerunMode.VALIDATE));
        assertTrue(foreign.getMessage().contains("is not a Taskgraph workspace"), foreign.getMessage());
        assertTrue(f.llm.requests().isEmpty());
    }

    @Test
    void aMacroInTheSourceThatReadsAHostFileIsDroppedFromTheCopyWithAWarning() throws Exception {
        Path canary = dir.resolve("canary.txt");
        Files.writeString(canary, "CANARY-rerun");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + f.path("jan.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE MACRO sales_src(p := '" + canary + "') AS TABLE SELECT content FROM read_text(p)");
            statement.execute("CREATE VIEW sales_leak AS SELECT * FROM sales_src()");
        }

        RunSummary summary = f.rerun("jan.db", "feb.db", RerunMode.VALIDATE);

        assertTrue(summary.succeeded(), summary.tasks().toString());
        List<RunEvent.Warning> warnings = f.events(RunEvent.Warning.class);
        assertTrue(warnings.stream().anyMatch(w -> w.message().startsWith("Dropped the macro sales_src from "
                + f.path("feb.db") + ": it does not keep to the rules") && w.message().contains("read_text() reads data "
                + "by name")), warnings.toString());
        assertEquals(List.of(), f.rows("feb.db", "SELECT function_name FROM duckdb_functions() WHERE NOT internal"));
        assertEquals(List.of(List.of(1L)), f.rows("jan.db",
                "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'sales_src'"), "the source never changes");
    }
}
