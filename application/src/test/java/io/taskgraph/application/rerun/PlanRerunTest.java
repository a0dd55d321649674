package io.taskgraph.application.rerun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.rerun.PlannedTask.Action;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.InputValidationException;
import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.graph.UnknownTaskException;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plan of a rerun ({@code rerun --dry-run}): what each task would do and why, with nothing written or called. */
@Timeout(60)
class PlanRerunTest {
    private static final String COMMIT = "1111111111111111111111111111111111111111";
    private static final TaskSpec COSTS_REWORDED = new TaskSpec("costs", "Total all the costs.", List.of(), false,
            List.of("prepared_costs"), List.of("costs_summary"), Map.of("costs_summary", List.of("total_cost")),
            List.of());

    @TempDir
    Path dir;
    private RunFixture f;
    private byte[] january;

    @BeforeEach
    void january() throws IOException {
        f = new RunFixture(dir).module(Diamond.spec().git(at(COMMIT)).build()).script(Diamond.script());
        assertTrue(f.run(Diamond.MODULE, "jan.db").succeeded());
        january = Files.readAllBytes(dir.resolve("jan.db"));
    }

    private static GitInfo at(String commit) {
        return new GitInfo(Optional.of("/src/shop"), Optional.of(commit), Optional.of(false));
    }

    private RerunPlan plan(RerunRequest request) {
        int calls = f.llm.requests().size();
        RerunPlan plan = new PlanRerun(f.specs, f.workbooks, f.engine).plan(request);
        assertFalse(Files.exists(request.output()), "a plan writes no file");
        assertEquals(calls, f.llm.requests().size(), "a plan calls no model");
        try {
            assertArrayEquals(january, Files.readAllBytes(dir.resolve("jan.db")), "the source is untouched");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return plan;
    }

    private RerunPlan plan(RerunMode mode) {
        return plan(f.request("jan.db", "feb.db", mode));
    }

    private static List<Action> actions(RerunPlan plan) {
        return plan.tasks().stream().map(PlannedTask::action).toList();
    }

    @Test
    void anUnchangedWorkspaceReusesEveryTask() {
        RerunPlan plan = plan(RerunMode.VALIDATE);
        assertEquals(List.of(Action.REUSE, Action.REUSE, Action.REUSE, Action.REUSE), actions(plan));
        assertEquals(SpecComparison.State.SAME, plan.spec().state());
        assertFalse(plan.reingest());
        assertEquals(RunFixture.MODEL, plan.model());
        assertTrue(plan.tasks().stream().allMatch(t -> t.definition().summary().equals("unchanged")));
    }

    @Test
    void aRewordedPromptIsReusedInValidateModeButListedWithItsDiff() {
        f.module(Diamond.specWith(COSTS_REWORDED).git(at(COMMIT)).source("# reworded\n").build());
        RerunPlan plan = plan(RerunMode.VALIDATE);

        assertEquals(List.of(Action.REUSE, Action.REUSE, Action.REUSE, Action.REUSE), actions(plan));
        PlannedTask costs = plan.task("costs").orElseThrow();
        assertEquals("prompt changed", costs.definition().summary());
        assertEquals(Optional.of(List.of("- Total the costs.", "+ Total all the costs.")),
                costs.definition().changes().get(0).diff(6, 100));
        assertEquals(List.of(costs), plan.reusedDespiteChanges());
        assertEquals(SpecComparison.State.CHANGED, plan.spec().state());
        assertEquals("edited since it was recorded", plan.spec().detail());
    }

    @Test
    void changedModeRunsTheEditedTaskAndChecksWhatIsDownstream() {
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        RerunPlan plan = plan(RerunMode.CHANGED);

        assertEquals(List.of(Action.REUSE, Action.REUSE, Action.RUN, Action.CHECK), actions(plan));
        assertEquals("prompt changed", plan.task("costs").orElseThrow().why());
        assertEquals(List.of("costs"), plan.task("report").orElseThrow().after());
        assertEquals(List.of(), plan.reusedDespiteChanges());
    }

    @Test
    void aFailingCheckIsNamedAsTheReasonToRun() {
        f.module(Diamond.specWith(Diamond.report().withValidateSql(List.of(
                "SELECT 'profit should be 20, not ' || profit FROM profit_report WHERE profit <> 20"))).build());
        PlannedTask report = plan(RerunMode.VALIDATE).task("report").orElseThrow();
        assertEquals(Action.RUN, report.action());
        assertEquals("validation failed: profit should be 20, not 16.25", report.why());
    }

    @Test
    void aSelectionRunsTheSelectedTasksAndRefusesNothingThatPasses() {
        RerunPlan plan = plan(f.request("jan.db", "feb.db", RerunMode.VALIDATE)
                .withSelection(TaskSelection.parse(List.of("+sales"))));
        assertEquals(List.of(Action.RUN, Action.RUN, Action.CHECK, Action.CHECK), actions(plan));
        assertEquals("selected", plan.task("prep").orElseThrow().why());
        assertEquals(List.of("prep"), plan.task("costs").orElseThrow().after());
        assertEquals(List.of("prep", "sales"), plan.task("report").orElseThrow().after());
    }

    @Test
    void aFailingTaskOutsideTheSelectionIsCheckedAgainWhenSomethingUpstreamRunsElseLeftFailing() {
        f.module(Diamond.specWith(Diamond.report().withValidateSql(List.of(
                "SELECT 'profit should be 20, not ' || profit FROM profit_report WHERE profit <> 20"))).build());
        RerunPlan plan = plan(f.request("jan.db", "feb.db", RerunMode.VALIDATE)
                .withSelection(TaskSelection.parse(List.of("sales"))));
        assertEquals(List.of(Action.REUSE, Action.RUN, Action.REUSE, Action.CHECK), actions(plan),
                "report fails now, but sales runs first and may fix it");
        assertEquals("validation failed: profit should be 20, not 16.25", plan.task("report").orElseThrow().why());

        f.module(Diamond.specWith(Diamond.sales().withValidateSql(List.of(
                "SELECT 'revenue should be 99, not ' || sum(revenue) FROM sales_summary HAVING sum(revenue) <> 99")))
                .build());
        RerunPlan costsOnly = plan(f.request("jan.db", "feb.db", RerunMode.VALIDATE)
                .withSelection(TaskSelection.parse(List.of("costs"))));
        assertEquals(List.of(Action.REUSE, Action.REFUSE, Action.RUN, Action.BLOCKED), actions(costsOnly));
        assertEquals("validation failed: revenue should be 99, not 21.75", costsOnly.task("sales").orElseThrow().why());
        assertEquals("upstream sales is left failing", costsOnly.task("report").orElseThrow().why());
    }

    @Test
    void anUnknownSelectedTaskIsRefusedBeforeAnythingElse() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> plan(f.request("jan.db", "feb.db",
                RerunMode.VALIDATE).withSelection(TaskSelection.parse(List.of("cost")))));
        assertEquals("No task named 'cost' in the selection (did you mean 'costs'?); the spec's tasks are prep, sales, "
                + "costs, report.", e.getMessage());
    }

    @Test
    void aWorkspaceWrittenBeforeDefinitionsWereRecordedIsComparedByItsPrompts() {
        f.rewrite("jan.db", "DELETE FROM _task_meta WHERE key = 'definition'",
                "DELETE FROM _workspace_meta WHERE key = 'input_files'");
        january = readJanuary();
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        RerunPlan plan = plan(RerunMode.CHANGED);

        assertEquals(DefinitionComparison.Basis.PROMPT_ONLY, plan.task("prep").orElseThrow().definition().basis());
        assertEquals("definition not recorded; prompt unchanged", plan.task("prep").orElseThrow().definition().summary());
        assertEquals("definition not recorded; prompt changed", plan.task("costs").orElseThrow().definition().summary());
        assertEquals(List.of(Action.REUSE, Action.REUSE, Action.RUN, Action.CHECK), actions(plan));
    }

    @Test
    void aWorkspaceThatRecordedNoPromptsProvesNoChange() {
        f.rewrite("jan.db", "DELETE FROM _task_meta WHERE key = 'definition'",
                "DELETE FROM _workspace_meta WHERE key IN ('prompts', 'spec_source', 'spec_git_commit')");
        january = readJanuary();
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        RerunPlan plan = plan(RerunMode.CHANGED);

        assertEquals(List.of(Action.REUSE, Action.REUSE, Action.REUSE, Action.REUSE), actions(plan));
        assertEquals("definition not recorded; cannot tell what changed",
                plan.task("costs").orElseThrow().definition().summary());
        assertEquals(SpecComparison.State.UNKNOWN, plan.spec().state());
    }

    @Test
    void reingestingPlansOnATemporaryCopyThatIsDeletedAfterwards() throws IOException {
        List<Map<String, Object>> february = new java.util.ArrayList<>(Diamond.transactions());
        february.add(Diamond.row("id", 6, "kind", "sale", "product", "kale", "amount", -100.00, "day",
                java.time.LocalDate.of(2026, 2, 1)));
        f.module(InMemorySpec.module("shop.specs.feb")
                .input(new InputSpec("transactions", List.of("id", "kind", "amount"), List.of()),
                        Diamond.TRANSACTION_COLUMNS, february)
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(Diamond.tasks()).build());
        long leftBefore = planCopies();
        RerunPlan plan = plan(new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false,
                Optional.of("shop.specs.feb"), dir, Map.of(), RerunMode.VALIDATE, true, false, Optional.empty(),
                RunOptions.defaults("unused")));

        assertTrue(plan.reingest());
        assertFalse(plan.recordedSpec());
        assertEquals(SpecComparison.State.OTHER_MODULE, plan.spec().state());
        PlannedTask sales = plan.task("sales").orElseThrow();
        assertEquals(Action.RUN, sales.action(), "February's refund makes a category negative");
        assertEquals("validation failed: negative revenue in vegetable", sales.why());
        assertEquals(leftBefore, planCopies(), "the temporary copy is gone");
    }

    @Test
    void inputsThatNowFailTheirChecksStopThePlanAsTheyWouldStopTheRerun() {
        f.module(InMemorySpec.module(Diamond.MODULE)
                .input(new InputSpec("transactions", List.of("id", "kind", "amount"),
                        List.of("SELECT 'too few rows' WHERE (SELECT count(*) FROM transactions) < 10")),
                        Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(Diamond.tasks()).build());
        InputValidationException e = assertThrows(InputValidationException.class, () -> plan(RerunMode.VALIDATE));
        assertTrue(e.getMessage().contains("too few rows"), e.getMessage());
    }

    @Test
    void anIncompatibleSpecIsRefusedAsTheRerunWouldRefuseIt() {
        f.module(Diamond.specWith(TaskSpec.agent("costs", "Total the costs.", List.of("prepared_costs"),
                List.of("costs_summary", "costs_by_day"))).build());
        assertThrows(FingerprintMismatchException.class, () -> plan(RerunMode.VALIDATE));
    }

    private byte[] readJanuary() {
        try {
            return Files.readAllBytes(dir.resolve("jan.db"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long planCopies() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("taskgraph-plan-")).count();
        }
    }
}
