package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("e2e")
class ShowE2ETest {
    @TempDir
    Path dir;

    private AppDir app;
    private Taskgraph taskgraph;

    @BeforeEach
    void app() throws Exception {
        app = new AppDir(dir);
        app.spec("main", Diamond.SPEC);
        app.write("pyproject.toml", "[project]\nname = \"my-app\"\nversion = \"0.1.0\"\n\n[tool.taskgraph]\n"
                + "spec = \"my_app.specs.main\"  # discovered without --spec\n");
        taskgraph = new Taskgraph(dir);
    }

    @Test
    void textShowsInputsLayersAndExportsOfTheDiscoveredSpec() throws Exception {
        Taskgraph.Result r = taskgraph.run("show");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().startsWith("Spec my_app.specs.main\n  file: " + app.path("my_app/specs/main.py").toRealPath()), r.all());
        for (String line : List.of(
                "  transactions  4 columns (id, kind, product, amount) · 1 SQL check",
                "  products      any columns · no SQL checks",
                "Tasks: 4 in 3 layers",
                "    sales  [agent]  after prep",
                "      reads   prepared_sales (from prep), products (ingested)",
                "      writes  sales_summary (1 column)".replace("1 column", "2 columns"),
                "  Layer 3",
                "    report  [agent]  after sales, costs",
                "Exports (1)\n  report.csv",
                "Graph: a valid DAG, no problems.")) {
            assertTrue(r.out().contains(line), line + "\n" + r.all());
        }
        assertEquals("", r.err());
    }

    @Test
    void fileInputsShowTheirPathAndAMissingFileExitsTwoWithRunsMessage() throws Exception {
        String spec = app.spec("files", """
                from pathlib import Path

                INPUTS = {
                    "orders": "data/orders.csv",
                    "customers": {"data": Path("data/customers.csv"), "columns": ["id", "name"]},
                }
                TASKS = [{"name": "joined", "prompt": "Join orders and customers.",
                          "inputs": ["orders", "customers"], "outputs": ["joined"]}]
                """);
        app.write("data/orders.csv", "id,customer\n1,7\n");
        String missing = "Input 'customers': file data/customers.csv not found (looked at "
                + app.path("data/customers.csv") + ", relative to the working directory " + app.dir() + ").";

        Taskgraph.Result shown = taskgraph.run("show", "-s", spec);
        Taskgraph.Result run = taskgraph.env("OPENROUTER_API_KEY", "sk-test-dummy").run("run", "-s", spec, "-o", "out.db");

        assertEquals(2, shown.exitCode(), shown.all());
        assertTrue(shown.out().contains("  orders     file data/orders.csv · any columns · no SQL checks\n"
                + "  customers  file data/customers.csv (missing!) · 2 columns (id, name) · no SQL checks\n"),
                shown.all());
        assertTrue(shown.out().contains("Problems (1): taskgraph run refuses this spec\n  - " + missing + "\n"),
                shown.all());
        assertEquals(2, run.exitCode(), run.all());
        assertEquals("taskgraph: " + missing + "\n", run.err(), "show and run say the same");

        app.write("data/customers.csv", "id,name\n7,Ada\n");
        Taskgraph.Result fixed = taskgraph.run("show", "-s", spec);
        assertEquals(0, fixed.exitCode(), fixed.all());
        assertTrue(fixed.out().contains("  customers  file data/customers.csv · 2 columns"), fixed.all());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonMermaidAndDotAreEachOneDocumentOnStdout() throws Exception {
        Taskgraph.Result json = taskgraph.run("show", "--format", "json");
        Taskgraph.Result mermaid = taskgraph.run("show", "--spec", "my_app.specs.main", "--format=mermaid");
        Taskgraph.Result dot = taskgraph.run("show", "-s", "my_app.specs.main", "--format", "dot");

        assertEquals(0, json.exitCode(), json.all());
        Map<String, Object> doc = Json.parseObject(json.out());
        assertEquals(List.of(List.of("prep"), List.of("sales", "costs"), List.of("report")), doc.get("layers"));
        assertEquals(4, ((List<Object>) doc.get("tasks")).size());
        assertEquals(List.of("report.csv"), doc.get("exports"));

        assertEquals(0, mermaid.exitCode(), mermaid.all());
        assertTrue(mermaid.out().startsWith("flowchart LR\n"), mermaid.all());
        assertTrue(mermaid.out().contains("  task_prep -->|prepared_costs| task_costs\n"), mermaid.all());

        assertEquals(0, dot.exitCode(), dot.all());
        assertTrue(dot.out().startsWith("digraph taskgraph {\n") && dot.out().endsWith("}\n"), dot.all());
        assertTrue(dot.out().contains("  \"task:costs\" -> \"task:report\" [label=\"costs_summary\"];\n"), dot.all());
    }

    @Test
    void aBrokenGraphIsShownWithItsProblemsAndExitsTwo() throws Exception {
        app.spec("broken", """
                INPUTS = {"orders": [{"id": 1}]}
                TASKS = [
                    {"name": "a", "prompt": "A", "inputs": ["b_out"], "outputs": ["a_out"]},
                    {"name": "b", "prompt": "B", "inputs": ["a_out", "refunds"], "outputs": ["b_out"]},
                ]
                """);

        Taskgraph.Result r = taskgraph.run("show", "--spec", "my_app.specs.broken");

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.out().contains("Tasks: 2 (not layered: the graph has problems)"), r.all());
        assertTrue(r.out().contains("Task 'b' reads input 'refunds', which is neither an ingested table [orders] nor an "
                + "output of another task."), r.all());
    }

    @Test
    void showStartsNeitherDuckDbNorTheHttpClient() throws Exception {
        Path classes = dir.resolve("classes.log");

        Taskgraph.Result r = taskgraph.start(List.of("-Xlog:class+load:file=" + classes), "show").finish();

        assertEquals(0, r.exitCode(), r.all());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("io.taskgraph.adapters.python.PythonSpecLoader"), "the log lists loaded classes");
        assertFalse(loaded.contains("org.duckdb."), "show loaded DuckDB");
        assertFalse(loaded.contains("okhttp3."), "show loaded OkHttp");
        assertFalse(loaded.contains("com.fasterxml.jackson."), "show loaded Jackson");
    }

    @Test
    void aSpecThatFailsToImportIsOneMessageAndExitTwo() throws Exception {
        app.spec("typo", "INPUTS = {}\nTASKS = [\n    {\"name\": \"a\", \"prompt\": \"A\", \"output\": [\"x\"]},\n]\n");

        Taskgraph.Result r = taskgraph.run("show", "--spec", "my_app.specs.typo");

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("taskgraph: "), r.all());
        assertTrue(r.err().contains("my_app.specs.typo") && r.err().contains("outputs"), r.all());
        assertFalse(r.err().contains("\tat io.taskgraph"), "no Java stack trace without --debug:\n" + r.all());
        assertFalse(r.err().contains("Traceback"), "no Python traceback:\n" + r.all());
    }

    @Test
    void withoutAnySpecSettingBothWaysToChooseOneAreNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("elsewhere"));

        Taskgraph.Result r = new Taskgraph(empty).run("show");

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("--spec my_app.specs.main") && r.err().contains("[tool.taskgraph]")
                && r.err().contains("specs/main.py"), r.all());
    }
}
