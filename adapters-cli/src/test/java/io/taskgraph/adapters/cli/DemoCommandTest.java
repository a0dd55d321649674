package io.taskgraph.adapters.cli;

import static io.taskgraph.adapters.cli.WorkspaceQueries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taskgraph demo} in process on the real adapters: offline (no key, and a base URL where nothing listens),
 * labelled as a replay, the workspace and export where the user is, and the way on from there.
 * DemoE2ETest runs it through the launcher and the jar and checks every view.
 */
class DemoCommandTest {
    /** No API key, and a model endpoint on a port where nothing listens: any model call would fail the demo. */
    static final Map<String, String> OFFLINE = Map.of("OPENROUTER_BASE_URL", "http://127.0.0.1:9/");

    @TempDir
    Path here;

    @Test
    void theDemoReplaysTheDiamondIntoDemoDbAndSaysWhatToDoNext() throws Exception {
        RealCli.Outcome o = RealCli.run(here, OFFLINE, "demo");

        assertEquals(0, o.exitCode(), o.all());
        assertTrue(o.out().startsWith("Taskgraph demo: a REPLAY of a recorded run of the diamond example"), o.all());
        assertTrue(o.out().contains("no model is called and\n  no API key or network is needed"), o.all());
        assertTrue(o.out().contains("(replay: recorded answers, no model is called): 4 tasks"), o.all());
        assertTrue(o.out().contains("Done: 4 of 4 tasks passed."), o.all());
        assertTrue(o.out().contains("\n  taskgraph report demo.db                # a page to review the run: graph, each "
                + "task's SQL, rows, trace\n  taskgraph trace demo.db                 # every SQL statement the agents ran\n"),
                o.all());
        assertTrue(o.out().contains("\n  taskgraph query demo.db \"SELECT * FROM profit_report\"   # the monthly report the agents built\n"
                + "  cat profit_report.csv                                   # the same report, written by the spec's export\n"),
                o.all());
        assertFalse(o.out().contains("duckdb "), "the DuckDB CLI is not needed to look at the demo");
        // The classes are loaded from this checkout's adapters-cli/target, so the hint names its examples directory.
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        assertTrue(o.out().endsWith("Run the same spec live with a real model (export OPENROUTER_API_KEY=sk-or-... "
                + "first):\n  cd " + examples + " && ../taskgraph run --spec specs.diamond -o diamond.db\n"), o.all());
        assertEquals("", o.err());

        assertEquals(List.of(List.of("2026-01-01", "1366.10", "599.80", "766.30")),
                query(here.resolve("demo.db"), "SELECT * FROM profit_report LIMIT 1"));
        assertTrue(Files.isRegularFile(here.resolve("profit_report.csv")));
        try (var leftovers = Files.list(here)) {
            assertEquals(List.of("demo.db", "profit_report.csv"),
                    leftovers.map(p -> p.getFileName().toString()).sorted().toList(), "nothing else is written here");
        }
    }

    @Test
    void anExistingDemoDbIsKeptUnlessForced() throws Exception {
        Files.writeString(here.resolve("demo.db"), "not a workspace");

        RealCli.Outcome refused = RealCli.run(here, OFFLINE, "demo");

        assertEquals(2, refused.exitCode(), refused.all());
        assertEquals("taskgraph: Output demo.db already exists; pass -f (--force) to overwrite it, or choose another -o "
                + "path.\n", refused.err());
        assertEquals("not a workspace", Files.readString(here.resolve("demo.db")));

        RealCli.Outcome forced = RealCli.run(here, OFFLINE, "demo", "-f", "-q");

        assertEquals(0, forced.exitCode(), forced.all());
        assertFalse(forced.out().contains("Taskgraph demo: a REPLAY"), "quiet skips the introduction");
        assertEquals(List.of(List.of("4")), query(here.resolve("demo.db"), "SELECT count(*) FROM _task_meta "
                + "WHERE key = 'validation' AND value LIKE '%PASSED%'"));
    }

    @Test
    void anotherOutputPathGetsTheExportBesideIt() throws Exception {
        Files.createDirectories(here.resolve("out"));

        RealCli.Outcome o = RealCli.run(here, OFFLINE, "demo", "-o", "out/cafe.db");

        assertEquals(0, o.exitCode(), o.all());
        assertTrue(Files.isRegularFile(here.resolve("out/cafe.db")));
        assertTrue(Files.isRegularFile(here.resolve("out/profit_report.csv")));
        assertTrue(o.out().contains("  taskgraph query out/cafe.db \"SELECT * FROM profit_report\""), o.all());
        assertTrue(o.out().contains("  cat out/profit_report.csv"), o.all());
    }
}
