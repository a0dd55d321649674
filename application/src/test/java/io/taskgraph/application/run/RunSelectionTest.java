package io.taskgraph.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.graph.UnknownTaskException;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --select}: the selected tasks and the tasks they need run; the others are not selected. */
@Timeout(60)
class RunSelectionTest {
    @TempDir
    Path dir;

    private RunFixture diamond() {
        return new RunFixture(dir).module(Diamond.spec().export("report.csv", (reader, file) ->
                Files.writeString(file, "profit\n"))
                .build()).script(Diamond.script());
    }

    private RunSummary run(RunFixture f, String... selectors) {
        return new RunWorkspace(f.specs, f.workbooks, f.engine, f.llm, f.listener(), f.clock).run(new RunRequest(
                SpecRequest.of(Diamond.MODULE, dir), dir.resolve("out.db"), false, RunOptions.defaults(RunFixture.MODEL),
                TaskSelection.parse(List.of(selectors))), new RunControl());
    }

    private static List<TaskStatus> statuses(RunSummary summary) {
        return summary.tasks().stream().map(TaskOutcome::status).toList();
    }

    @Test
    void aRequestWithOtherOptionsKeepsItsSelection() {
        RunRequest request = new RunRequest(SpecRequest.of(Diamond.MODULE, dir), dir.resolve("out.db"), false,
                RunOptions.defaults(RunFixture.MODEL), TaskSelection.parse(List.of("sales+")));

        RunRequest replayed = request.withOptions(request.options().withReplay(true));

        assertEquals("sales+", replayed.selection().text(), "a replayed web run runs what was selected");
        assertTrue(replayed.options().replay());
        assertEquals(request.spec(), replayed.spec());
    }

    @Test
    void aSelectedTaskRunsWithTheTasksItNeedsAndTheRestIsNotSelected() {
        RunFixture f = diamond();
        RunSummary summary = run(f, "sales");

        assertTrue(summary.succeeded(), "what ran passed: " + summary);
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.PASSED, TaskStatus.NOT_SELECTED, TaskStatus.NOT_SELECTED),
                statuses(summary));
        assertEquals(3, f.llm.requests("prep").size());
        assertEquals(2, f.llm.requests("sales").size());
        assertEquals(0, f.llm.requests("costs").size() + f.llm.requests("report").size());
        assertEquals(List.of("prep", "sales"), f.events(RunEvent.TaskStarted.class).stream()
                .map(RunEvent.TaskStarted::task).toList());
        assertEquals("\"not_selected\"", f.taskMeta("out.db").get("costs").get("status"));
        assertFalse(f.taskMeta("out.db").get("costs").containsKey("definition"));
        assertEquals(List.of(), f.rows("out.db", "SELECT view_name FROM duckdb_views() WHERE view_name = 'costs_summary'"));
    }

    @Test
    void exportsAreNotWrittenWhenTasksWereLeftOutAndTheRunSaysWhy() {
        RunFixture f = diamond();
        RunSummary summary = run(f, "+costs");

        assertTrue(summary.succeeded());
        assertEquals(List.of(TaskStatus.PASSED, TaskStatus.NOT_SELECTED, TaskStatus.PASSED, TaskStatus.NOT_SELECTED),
                statuses(summary));
        assertEquals(List.of(), summary.exports());
        assertFalse(Files.exists(dir.resolve("report.csv")));
        assertEquals(List.of(new RunEvent.Warning("Exports were not written: they need every task, and 2 of 4 were "
                + "not selected.")), f.events(RunEvent.Warning.class));
    }

    @Test
    void selectingEverythingDownstreamOfTheFirstTaskRunsTheWholeDagAndTheExports() {
        RunFixture f = diamond();
        RunSummary summary = run(f, "prep+");
        assertTrue(summary.succeeded());
        assertTrue(summary.tasks().stream().allMatch(t -> t.status() == TaskStatus.PASSED));
        assertEquals(1, summary.exports().size());
    }

    @Test
    void anUnknownNameStopsTheRunBeforeTheWorkspaceFileIsCreated() {
        RunFixture f = diamond();
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> run(f, "reports"));
        assertEquals("No task named 'reports' in the selection (did you mean 'report'?); the spec's tasks are prep, "
                + "sales, costs, report.", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.db")));
    }
}
