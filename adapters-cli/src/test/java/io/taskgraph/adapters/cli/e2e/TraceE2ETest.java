package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph trace} on a diamond run in which the sales agent got one statement wrong first. */
@Tag("e2e")
class TraceE2ETest {
    private static final String MISTAKE = "SELECT nope FROM prepared_sales";

    @TempDir
    static Path dir;
    private static Taskgraph taskgraph;

    @BeforeAll
    static void diamondRunWithOneMistake() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            model.script("[sales]", Reply.sql(MISTAKE), Reply.sql(Diamond.SALES), Reply.answer("Done."));
            Taskgraph.Result run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", "out.db");
            assertEquals(0, run.exitCode(), run.all());
        }
        taskgraph = new Taskgraph(dir);
    }

    @Test
    void everyStatementInOrderWithTimeTaskOutcomeElapsedAndTheError() throws Exception {
        Taskgraph.Result r = taskgraph.run("trace", "out.db");

        assertEquals(0, r.exitCode(), r.all());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d"), "a date line first: " + lines.get(0));
        assertTrue(lines.get(1).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  prep    ok +(\\d+ms|\\d+\\.\\ds)"), lines.get(1));
        assertEquals("    " + Diamond.PREP_SALES, lines.get(2));
        int mistake = lines.indexOf("    " + MISTAKE);
        assertTrue(lines.get(mistake - 1).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  sales   error +(\\d+ms|\\d+\\.\\ds)"),
                lines.get(mistake - 1));
        assertTrue(lines.get(mistake + 1).startsWith("    error: Binder Error: Referenced column \"nope\" not found"),
                lines.get(mistake + 1));
        assertTrue(lines.indexOf("    " + Diamond.REPORT) > lines.indexOf("    " + Diamond.SALES), "in the order they ran");
        assertEquals("6 statements, 1 failed.", lines.get(lines.size() - 1));
        assertFalse(r.out().contains("\033["), "plain when piped");
    }

    @Test
    void filtersByTaskAndByFailure() throws Exception {
        Taskgraph.Result sales = taskgraph.run("trace", "out.db", "--task", "sales");
        assertEquals(0, sales.exitCode(), sales.all());
        assertTrue(sales.out().contains("    " + MISTAKE) && sales.out().contains("    " + Diamond.SALES), sales.out());
        assertTrue(sales.out().lines().filter(line -> line.matches("\\d\\d:.*")).allMatch(line -> line.contains("  sales  ")),
                sales.out());
        assertTrue(sales.out().endsWith("2 statements, 1 failed (statements of task sales; the trace holds 6).\n"),
                sales.out());

        Taskgraph.Result failed = taskgraph.run("trace", "out.db", "--failed");
        assertEquals(1, failed.out().lines().filter(line -> line.startsWith("    error: ")).count(), failed.out());
        assertTrue(failed.out().contains("    " + MISTAKE));
        assertFalse(failed.out().contains(Diamond.SALES), failed.out());

        Taskgraph.Result two = taskgraph.run("trace", "out.db", "--task", "prep,report");
        assertTrue(two.out().contains(Diamond.PREP_COSTS) && two.out().contains(Diamond.REPORT), two.out());
        assertFalse(two.out().contains(MISTAKE), two.out());

        Taskgraph.Result none = taskgraph.run("trace", "out.db", "--task", "prep", "--failed");
        assertEquals(0, none.exitCode());
        assertEquals("No failed statements of task prep in out.db (its trace holds 6 statements).\n", none.out());
    }

    @Test
    void anUnknownTaskExitsTwoListingTheTasks() throws Exception {
        Taskgraph.Result r = taskgraph.run("trace", "out.db", "--task", "sale");

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: No task named 'sale' in " + dir.resolve("out.db")
                + ". Its tasks: prep, sales, costs, report.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void onATerminalOkIsGreenAndErrorsAreRedUnlessNoColorSaysOtherwise() throws Exception {
        Taskgraph.Result coloured = taskgraph.runOnTerminal("", "trace", "out.db");
        assertEquals(0, coloured.exitCode(), coloured.all());
        assertTrue(coloured.out().contains("\033[32mok   \033[0m"), coloured.out());
        assertTrue(coloured.out().contains("\033[31merror\033[0m"), coloured.out());

        Taskgraph.Result plain = new Taskgraph(dir).env("NO_COLOR", "1").runOnTerminal("", "trace", "out.db");
        assertEquals(0, plain.exitCode(), plain.all());
        assertFalse(plain.out().contains("\033[3"), plain.out());
        assertTrue(plain.out().contains("sales   error"), plain.out());
    }
}
