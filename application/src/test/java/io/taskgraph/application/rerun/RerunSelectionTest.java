package io.taskgraph.application.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.graph.UnknownTaskException;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rerun --select}: the selected agents run whatever their state; the rest is reused as it is. */
@Timeout(60)
class RerunSelectionTest {
    @TempDir
    Path dir;
    private RunFixture f;

    @BeforeEach
    void january() {
        f = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        assertTrue(f.run(Diamond.MODULE, "jan.db").succeeded());
        f.llm = ScriptedLlmClient.create();
        f.timed.clear();
    }

    private RunSummary rerun(String... selectors) {
        return f.rerun(f.request("jan.db", "feb.db", RerunMode.VALIDATE)
                .withSelection(TaskSelection.parse(List.of(selectors))), new RunControl());
    }

    private static List<TaskStatus> statuses(RunSummary summary) {
        return summary.tasks().stream().map(TaskOutcome::status).toList();
    }

    private void reviewed(String... tasks) {
        for (String task : tasks) {
            f.llm.task(task, Turn.answer("Looked again; the views are right."));
        }
    }

    @Test
    void aSelectedTaskRunsAgainThoughItsViewsPassAndNothingElseDoes() {
        reviewed("costs");
        RunSummary summary = rerun("costs");

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(1, f.llm.requests().size());
        assertEquals(1, f.llm.requests("costs").size());
        assertEquals(List.of(new RunEvent.TaskRerunning("costs", "selected")), f.events(RunEvent.TaskRerunning.class));
        String brief = f.llm.requests("costs").get(0).messages().get(1).content();
        assertTrue(brief.contains("## Your existing outputs"), "a selected agent sees its existing views: " + brief);
    }

    @Test
    void namePlusSelectsTheTaskAndEverythingDownstream() {
        reviewed("sales", "report");
        RunSummary summary = rerun("sales+");
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.PASSED), statuses(summary));
        assertEquals(List.of(0, 1, 0, 1), counts());
    }

    @Test
    void plusNameSelectsTheTaskAndEverythingUpstream() {
        reviewed("prep", "costs");
        RunSummary summary = rerun("+costs");
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED), statuses(summary));
        assertEquals(List.of(1, 0, 1, 0), counts(), "sales and report are validated again after prep and costs, and pass");
    }

    @Test
    void selectorsAddUp() {
        reviewed("prep", "sales", "costs", "report");
        RunSummary summary = rerun("prep,report", "costs");
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.PASSED), statuses(summary));
        assertEquals(List.of(1, 0, 1, 1), counts());
    }

    @Test
    void aTaskOutsideTheSelectionWhoseViewsFailIsLeftFailingAndBlocksWhatIsDownstream() {
        f.module(Diamond.specWith(Diamond.sales().withValidateSql(List.of(
                "SELECT 'revenue should be 99, not ' || sum(revenue) FROM sales_summary HAVING sum(revenue) <> 99")))
                .build());
        reviewed("costs");
        RunSummary summary = rerun("costs");

        assertFalse(summary.succeeded());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.FAILED, TaskStatus.PASSED, TaskStatus.BLOCKED), statuses(summary));
        assertEquals("Its views fail validation and it is not selected, so it was not run again: revenue should be 99, "
                + "not 21.75", RunFixture.outcome(summary, "sales").reason());
        assertEquals(List.of(0, 0, 1, 0), counts());
        assertEquals("\"failed\"", f.taskMeta("feb.db").get("sales").get("status"));
        assertEquals("\"test/model-1\"", f.taskMeta("feb.db").get("sales").get("model"),
                "a task left as it was keeps the record of the run that built its views");
    }

    @Test
    void anUnknownNameStopsTheRerunBeforeTheCopyIsMade() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> rerun("report", "sails"));
        assertTrue(e.getMessage().contains("(did you mean 'sales'?)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("feb.db")));
        assertEquals(0, f.llm.requests().size());
    }

    private List<Integer> counts() {
        return List.of("prep", "sales", "costs", "report").stream().map(t -> f.llm.requests(t).size()).toList();
    }
}
