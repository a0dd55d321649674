package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("e2e")
class InitE2ETest {
    private static final String REVENUE_MARKER = "Summarise the orders by region";
    private static final String REVENUE_VIEW = "CREATE VIEW region_revenue AS SELECT region, count(*) AS order_count, "
            + "sum(amount) AS revenue FROM orders GROUP BY region ORDER BY revenue DESC";

    @TempDir
    Path dir;

    @Test
    void initThenShowThenRunWorksInAFreshProject() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"0.1.0\"\n");
        try (FakeModelServer model = FakeModelServer.start()) {
            model.script(REVENUE_MARKER, Reply.sql(REVENUE_VIEW), Reply.answer("region_revenue is ready."));
            Taskgraph taskgraph = new Taskgraph(dir).model(model);

            Taskgraph.Result init = taskgraph.run("init");
            Taskgraph.Result show = taskgraph.run("show");
            Taskgraph.Result run = taskgraph.run("run", "-o", "output.db");

            assertEquals(0, init.exitCode(), init.all());
            assertTrue(init.out().contains("  created  specs/main.py\n"), init.all());
            assertTrue(init.out().contains("taskgraph run -o output.db"), init.all());
            assertEquals(0, show.exitCode(), show.all());
            assertTrue(show.out().contains("    revenue  [agent]"), show.all());
            assertEquals(0, run.exitCode(), run.all());
            assertTrue(run.out().startsWith("Spec specs.main (found specs/main.py)\n"), run.all());
            assertEquals(List.of(List.of("East", "2", "1810"), List.of("North", "3", "1740"), List.of("South", "2", "1705")),
                    WorkspaceFile.query(dir.resolve("output.db"), "SELECT * FROM region_revenue"));
        }
    }

    @Test
    void initRefusesToReplaceAChangedSpecUnlessForced() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"0.1.0\"\n");
        Taskgraph taskgraph = new Taskgraph(dir);
        taskgraph.run("init");
        Files.writeString(dir.resolve("specs/main.py"), "# my own spec\n");

        Taskgraph.Result refused = taskgraph.run("init");
        Taskgraph.Result forced = taskgraph.run("init", "--force");

        assertEquals(2, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("specs/main.py already exists") && refused.err().contains("--force"), refused.all());
        assertEquals(0, forced.exitCode(), forced.all());
        assertTrue(Files.readString(dir.resolve("specs/main.py")).contains("INPUTS = {"));
    }

    @Test
    void withoutPyprojectInitSaysHowToStartAProject() throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).run("init");

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("taskgraph: No pyproject.toml in "), r.all());
        assertTrue(r.err().contains("uv init"), r.all());
        assertTrue(Files.notExists(dir.resolve("specs")));
    }

    @Test
    void theLauncherRunsFromAnyDirectory() throws Exception {
        Path launcher = Taskgraph.JAR.getParent().getParent().getParent().resolve("taskgraph");
        Process p = new ProcessBuilder(launcher.toString(), "--version").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());

        assertEquals(0, p.waitFor(), out);
        assertTrue(out.strip().startsWith("taskgraph 0.1.0"), out);
    }
}
