package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code --select} on {@code run}, {@code rerun} and {@code show}, with each of dbt's operators, on the real jar. */
@Tag("e2e")
class SelectE2ETest extends FromJanuaryRun {
    private static final String UNKNOWN = "taskgraph: No task named 'cost' in the selection (did you mean 'costs'?); "
            + "the spec's tasks are prep, sales, costs, report.\n";

    private Taskgraph.Result run(String... selectors) throws Exception {
        Diamond.solve(model);
        List<String> args = new java.util.ArrayList<>(List.of("run", "-s", "my_app.specs.jan", "-o", "sel.db", "-f"));
        for (String selector : selectors) {
            args.addAll(List.of("--select", selector));
        }
        return taskgraph.run(args.toArray(String[]::new));
    }

    @Test
    void runWithANameBuildsThatTaskAndWhatItNeedsOnly() throws Exception {
        Files.delete(app.path("report.csv")); // January's export
        Taskgraph.Result r = run("sales");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(2, 2, 0, 0), requestsPerTask());
        assertTrue(r.out().contains("] costs: not selected\n"), r.all());
        assertTrue(r.out().contains("] report: not selected\n"), r.all());
        assertTrue(r.out().contains("Done: 2 of 2 selected tasks passed (2 not selected)."), r.all());
        assertTrue(r.err().contains("warning: Exports were not written: they need every task, and 2 of 4 were not "
                + "selected."), r.all());
        assertFalse(Files.exists(app.path("report.csv")));
        assertEquals(List.of(List.of("costs", "\"not_selected\"")), WorkspaceFile.query(app.path("sel.db"),
                "SELECT task, value FROM _task_meta WHERE key = 'status' AND value LIKE '%not_selected%' AND task = 'costs'"));

        Taskgraph.Result rest = taskgraph.run("rerun", "sel.db", "-o", "full.db");
        assertEquals(0, rest.exitCode(), rest.all());
        assertEquals(counts(2, 2, 2, 2), requestsPerTask(), "the rerun builds what was left out, and only that");
        assertTrue(rest.out().contains("] costs: runs again: validation failed: Output view 'costs_summary' does not "
                + "exist;"), rest.all());
        assertEquals("profit\n35\n", Files.readString(app.path("report.csv")));
    }

    @Test
    void runWithPlusNameBuildsTheTaskAndEverythingUpstream() throws Exception {
        Taskgraph.Result r = run("+costs");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(2, 0, 2, 0), requestsPerTask());
    }

    @Test
    void runWithNamePlusBuildsTheTaskEverythingDownstreamAndWhatThoseNeed() throws Exception {
        Files.delete(app.path("report.csv")); // January's export
        Taskgraph.Result r = run("costs+");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(2, 2, 2, 2), requestsPerTask(), "report needs sales too");
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed."), r.all());
        assertEquals("profit\n35\n", Files.readString(app.path("report.csv")), "every task ran, so the exports did");
    }

    @Test
    void runSelectorsAddUpAndAFailureCountsOnlyWhatRan() throws Exception {
        Diamond.solve(model).script("[costs]", Reply.sql("SELECT 1"), Reply.answer("I could not do it."));
        Taskgraph.Result r = taskgraph.run("run", "-s", "my_app.specs.jan", "-o", "sel.db", "--select", "prep,costs",
                "--max-iterations", "2");

        assertEquals(1, r.exitCode(), r.all());
        assertEquals(counts(2, 0, 2, 0), requestsPerTask());
        assertTrue(r.out().contains("Finished with failures: 1 of 2 selected tasks passed (1 failed, 2 not selected)."),
                r.all());
    }

    @Test
    void rerunWithANameRunsThatAgentWhateverItsStateAndReusesTheRest() throws Exception {
        model.script("[costs]", Reply.answer("Looked again; it is right."));
        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "costs");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(0, 0, 1, 0), requestsPerTask());
        assertTrue(r.out().contains("] costs: runs again: selected\n"), r.all());
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed (3 reused)."), r.all());
    }

    @Test
    void rerunWithNamePlusRunsTheTaskAndEverythingDownstream() throws Exception {
        model.script("[sales]", Reply.answer("Right."));
        model.script("[report]", Reply.answer("Right."));
        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "sales+");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(0, 1, 0, 1), requestsPerTask());
    }

    @Test
    void rerunWithPlusNameRunsTheTaskAndEverythingUpstream() throws Exception {
        model.script("[prep]", Reply.answer("Right."));
        model.script("[costs]", Reply.answer("Right."));
        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "+costs");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(1, 0, 1, 0), requestsPerTask(), "sales and report still pass");
    }

    @Test
    void anUnknownNameExitsTwoListingTheTasksWhereverItIsGiven() throws Exception {
        Map<String, Taskgraph.Result> results = Map.of(
                "run", taskgraph.run("run", "-s", "my_app.specs.jan", "-o", "sel.db", "--select", "cost"),
                "rerun", taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "sales,cost+"),
                "dry run", taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "+cost", "--dry-run"),
                "show", taskgraph.run("show", "-s", "my_app.specs.jan", "--select", "cost"));
        results.forEach((command, r) -> {
            assertEquals(2, r.exitCode(), command + ": " + r.all());
            assertEquals(UNKNOWN, r.err(), command + ": " + r.all());
        });
        assertFalse(Files.exists(app.path("sel.db")));
        assertFalse(Files.exists(app.path("feb.db")));
        assertEquals(0, model.requestCount());
    }

    @Test
    void aMalformedSelectorExitsTwoSayingWhatIsAccepted() throws Exception {
        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "sales,");
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("taskgraph: Cannot select tasks with an empty selector (in 'sales,'); write a "
                + "task name, NAME+ for it and everything downstream"), r.all());
    }

    @Test
    void showHighlightsTheSelection() throws Exception {
        Taskgraph.Result text = taskgraph.run("show", "-s", "my_app.specs.jan", "--select", "+sales");
        Taskgraph.Result mermaid = taskgraph.run("show", "-s", "my_app.specs.jan", "--select", "+sales", "--format",
                "mermaid");

        assertEquals(0, text.exitCode(), text.all());
        assertTrue(text.out().contains("  selected: +sales -> prep, sales (marked *)\n"), text.all());
        assertTrue(text.out().contains("\n  * prep  [agent]\n"), text.all());
        assertTrue(text.out().contains("\n  * sales  [agent]  after prep\n"), text.all());
        assertTrue(text.out().contains("\n    costs  [agent]  after prep\n"), text.all());
        assertEquals(0, mermaid.exitCode(), mermaid.all());
        assertTrue(mermaid.out().contains("  class task_prep,task_sales selected\n"), mermaid.all());
    }
}
