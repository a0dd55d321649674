package io.taskgraph.application.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rerun does when the spec was edited since the source workspace was built: a reworded prompt or an edited
 * check is reused and reported in validate mode and runs again in changed mode, and a task that ran again makes the
 * tasks downstream of it be validated again (and run again only when a check now fails).
 */
@Timeout(60)
class RerunChangesTest {
    /** January's costs task checks it sees both cost lines of the January data. */
    private static final TaskSpec COSTS = Diamond.costs().withValidateSql(List.of(
            "SELECT 'expected 2 cost lines, got ' || cost_lines FROM costs_summary WHERE cost_lines <> 2"));
    private static final TaskSpec COSTS_REWORDED = new TaskSpec("costs", "Total all the costs.", List.of(), false,
            List.of("prepared_costs"), List.of("costs_summary"), Map.of("costs_summary", List.of("total_cost")),
            COSTS.validateSql());
    private static final TaskSpec SALES_WITH_A_PASSING_CHECK = Diamond.sales().withValidateSql(List.of(
            "SELECT 'negative revenue in ' || category FROM sales_summary WHERE revenue < 0",
            "SELECT 'no fruit sold' WHERE NOT EXISTS (SELECT 1 FROM sales_summary WHERE category = 'fruit')"));

    @TempDir
    Path dir;
    private RunFixture f;

    @BeforeEach
    void january() {
        f = new RunFixture(dir).module(Diamond.specWith(COSTS).build()).script(Diamond.script());
        assertTrue(f.run(Diamond.MODULE, "jan.db").succeeded());
        f.llm = ScriptedLlmClient.create();
        f.timed.clear();
    }

    private RunSummary rerun(RerunMode mode) {
        return f.rerun("jan.db", "feb.db", mode);
    }

    private static List<TaskStatus> statuses(RunSummary summary) {
        return summary.tasks().stream().map(TaskOutcome::status).toList();
    }

    private List<String> started() {
        return f.events(RunEvent.TaskStarted.class).stream().map(RunEvent.TaskStarted::task).toList();
    }

    private RunEvent.TaskReused reused(String task) {
        return f.events(RunEvent.TaskReused.class).stream().filter(r -> r.task().equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError(task + " was not reused"));
    }

    private String recordedPrompt(String db, String task) {
        return TaskDefinition.parse(f.taskMeta(db).get(task).get("definition")).prompt();
    }

    @Test
    void aRewordedPromptIsReusedInValidateModeAndSaidSo() {
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        RunSummary summary = rerun(RerunMode.VALIDATE);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(0, f.llm.requests().size());
        assertEquals(Set.of(new RunEvent.TaskReused("prep", List.of()), new RunEvent.TaskReused("sales", List.of()),
                new RunEvent.TaskReused("costs", List.of("prompt")), new RunEvent.TaskReused("report", List.of())),
                Set.copyOf(f.events(RunEvent.TaskReused.class)), "sales and costs settle in either order");
        assertEquals(List.of(), started(), "a reused task never starts");
        assertEquals("Total the costs.", recordedPrompt("feb.db", "costs"),
                "the reused views were built from the old prompt, so the old definition stays recorded");
    }

    @Test
    void aRewordedPromptRunsExactlyThatTaskAgainInChangedMode() {
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        f.llm.task("costs", Turn.answer("The view already totals all the costs."));
        RunSummary summary = rerun(RerunMode.CHANGED);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(1, f.llm.requests().size());
        assertEquals(1, f.llm.requests("costs").size());
        assertEquals(List.of(new RunEvent.TaskRerunning("costs", "prompt changed")), f.events(RunEvent.TaskRerunning.class));
        assertEquals(List.of("costs"), started());
        String brief = f.llm.requests("costs").get(0).messages().get(1).content();
        assertTrue(brief.startsWith("# Task: costs\n\nTotal all the costs."), brief);
        assertTrue(brief.contains("The existing outputs above pass validation as they are."), brief);
        assertEquals("Total all the costs.", recordedPrompt("feb.db", "costs"));
        assertEquals("changed", f.workspaceMeta("feb.db").get("rerun_mode"));
    }

    @Test
    void anEditedCheckThatStillPassesIsReusedInValidateModeAndRunsAgainInChangedMode() {
        f.module(Diamond.specWith(SALES_WITH_A_PASSING_CHECK, COSTS).build());
        RunSummary validate = rerun(RerunMode.VALIDATE);
        assertTrue(validate.succeeded(), validate.toString());
        assertEquals(0, f.llm.requests().size());
        assertEquals(new RunEvent.TaskReused("sales", List.of("validate_sql")), reused("sales"));

        f.timed.clear();
        f.llm.task("sales", Turn.answer("The summary has fruit; nothing to change."));
        RerunRequest changed = f.request("jan.db", "feb2.db", RerunMode.CHANGED);
        RunSummary summary = f.rerun(changed, new RunControl());
        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(1, f.llm.requests().size());
        assertEquals(List.of(new RunEvent.TaskRerunning("sales", "validate_sql changed")),
                f.events(RunEvent.TaskRerunning.class));
        assertEquals(SALES_WITH_A_PASSING_CHECK.validateSql(),
                TaskDefinition.parse(f.taskMeta("feb2.db").get("sales").get("definition")).validateSql());
    }

    @Test
    void nothingChangedMeansNoModelCallInEveryModeButReview() {
        for (RerunMode mode : List.of(RerunMode.VALIDATE, RerunMode.CHANGED)) {
            f.timed.clear();
            RunSummary summary = f.rerun("jan.db", mode.wire() + ".db", mode);
            assertTrue(summary.succeeded(), summary.toString());
            assertEquals(List.of(TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED),
                    statuses(summary), mode.wire());
            assertTrue(f.events(RunEvent.TaskReused.class).stream().allMatch(r -> r.changed().isEmpty()));
        }
        assertEquals(0, f.llm.requests().size());
    }

    @Test
    void aTaskDownstreamOfOneThatRanAgainRunsAgainWhenACheckNowFails() {
        // February: prep is told to keep only costs over 2.75, which breaks the check of costs.
        TaskSpec prep = new TaskSpec("prep", "Split the transactions into sales and costs; drop costs under 2.75.",
                List.of(), false, List.of("transactions"), List.of("prepared_sales", "prepared_costs"),
                Diamond.prep().outputColumns(), List.of());
        f.module(Diamond.specWith(prep, COSTS).build());
        f.llm.task("prep", Turn.sql("CREATE OR REPLACE VIEW prepared_costs AS SELECT id, product, amount, day "
                + "FROM transactions WHERE kind = 'cost' AND amount > 2.75"), Turn.answer("Small costs dropped."));
        f.llm.task("costs", Turn.sql("CREATE OR REPLACE VIEW costs_summary AS SELECT sum(amount) AS total_cost, "
                + "2 AS cost_lines FROM prepared_costs"), Turn.answer("Reports two lines as the check wants."));
        RunSummary summary = rerun(RerunMode.CHANGED);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(2, f.llm.requests("prep").size());
        assertEquals(2, f.llm.requests("costs").size());
        assertEquals(0, f.llm.requests("sales").size(), "sales' checks still pass against prep's new views");
        assertEquals(0, f.llm.requests("report").size());
        assertEquals(List.of(new RunEvent.TaskRerunning("prep", "prompt changed"),
                new RunEvent.TaskRerunning("costs", "upstream prep re-ran and a check now fails: expected 2 cost lines, "
                        + "got 1")), f.events(RunEvent.TaskRerunning.class));
        String brief = f.llm.requests("costs").get(0).messages().get(1).content();
        assertTrue(brief.contains("The existing outputs fail validation now:\n- expected 2 cost lines, got 1"), brief);
    }

    @Test
    void aTaskDownstreamOfOneThatRanAgainIsReusedWhileItsChecksStillPass() {
        TaskSpec prep = new TaskSpec("prep", "Split the transactions into sales and costs, keeping every column.",
                List.of(), false, List.of("transactions"), List.of("prepared_sales", "prepared_costs"),
                Diamond.prep().outputColumns(), List.of());
        f.module(Diamond.specWith(prep, COSTS).build());
        f.llm.task("prep", Turn.sql("CREATE OR REPLACE VIEW prepared_costs AS SELECT * FROM transactions "
                + "WHERE kind = 'cost'"), Turn.answer("Kept every column."));
        RunSummary summary = rerun(RerunMode.CHANGED);

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(2, f.llm.requests().size(), "only prep's agent ran");
        assertEquals(List.of("prep"), started());
    }

    @Test
    void theReasonATaskRunsAgainNamesTheFirstFailingCheck() {
        TaskSpec report = Diamond.report().withValidateSql(List.of(
                "SELECT 'profit should be 20, not ' || profit FROM profit_report WHERE profit <> 20"));
        f.module(Diamond.specWith(report, COSTS).build());
        f.llm.task("report", Turn.sql("CREATE OR REPLACE VIEW profit_report AS SELECT 24.25 AS revenue, 4.25 AS cost, "
                + "20 AS profit"), Turn.answer("Adjusted."));
        RunSummary summary = f.rerun(new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false,
                Optional.empty(), dir, Map.of(), RerunMode.VALIDATE, false, false, Optional.empty(),
                RunOptions.defaults("unused")), new RunControl());

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(new RunEvent.TaskRerunning("report", "validation failed: profit should be 20, not 16.25")),
                f.events(RunEvent.TaskRerunning.class));
    }

    @Test
    void aWorkspaceWrittenBeforeDefinitionsWereRecordedRerunsAndItsPromptsStillProveAChange() {
        f.rewrite("jan.db", "DELETE FROM _task_meta WHERE key = 'definition'",
                "DELETE FROM _workspace_meta WHERE key = 'input_files'");
        f.module(Diamond.specWith(COSTS_REWORDED).build());
        RunSummary validate = rerun(RerunMode.VALIDATE);
        assertTrue(validate.succeeded(), validate.toString());
        assertEquals(0, f.llm.requests().size());
        assertEquals(new RunEvent.TaskReused("costs", List.of("prompt")), reused("costs"));

        f.llm.task("costs", Turn.answer("Still right."));
        RunSummary changed = f.rerun("jan.db", "feb2.db", RerunMode.CHANGED);
        assertTrue(changed.succeeded(), changed.toString());
        assertEquals(1, f.llm.requests().size(), "only the task whose recorded prompt differs runs");
        assertEquals("Total all the costs.", recordedPrompt("feb2.db", "costs"), "from now on it is recorded");
    }
}
