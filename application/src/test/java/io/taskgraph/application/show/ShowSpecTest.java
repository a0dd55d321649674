package io.taskgraph.application.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.show.SpecOverview.TaskInput;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.graph.UnknownTaskException;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.spec.DeclaredFile;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowSpecTest {
    private static final Path FILE = Path.of("/app/my_app/specs/main.py");

    /** SEED.md's diamond: prep feeds sales and costs, report needs both; plus a SQL task. */
    static WorkspaceSpec diamond() {
        List<InputSpec> inputs = List.of(
                new InputSpec("transactions", List.of("id", "kind", "amount"), List.of("SELECT 1 WHERE false")),
                InputSpec.of("products"));
        List<TaskSpec> tasks = List.of(
                new TaskSpec("prep", "Split the transactions.\nSales first.", List.of(), false, List.of("transactions"),
                        List.of("prepared_sales", "prepared_costs"),
                        Map.of("prepared_sales", List.of("id", "amount")), List.of("SELECT 1 WHERE false")),
                TaskSpec.agent("sales", "Summarise sales by product.", List.of("prepared_sales", "products"),
                        List.of("sales_summary")),
                new TaskSpec("costs", "", List.of("CREATE VIEW costs_summary AS SELECT 1 AS total"), false,
                        List.of("prepared_costs"), List.of("costs_summary"), Map.of("costs_summary", List.of("total")),
                        List.of()),
                new TaskSpec("report", "Profit per month.", List.of(), false, List.of("sales_summary", "costs_summary"),
                        List.of("profit_report"), Map.of(), List.of("SELECT 1 WHERE false", "SELECT 2 WHERE false")));
        return new WorkspaceSpec(new SpecOrigin("my_app.specs.main", FILE, "", GitInfo.unknown()), inputs, tasks,
                List.of("report.csv"));
    }

    static WorkspaceSpec broken() {
        List<TaskSpec> tasks = List.of(
                TaskSpec.agent("a", "A.", List.of("b_out", "orders"), List.of("a_out")),
                TaskSpec.agent("b", "B.", List.of("a_out"), List.of("b_out")),
                TaskSpec.agent("c", "C.", List.of("ghost"), List.of("c_out")));
        return new WorkspaceSpec(new SpecOrigin("bad.spec", FILE, "", GitInfo.unknown()), List.of(InputSpec.of("orders")),
                tasks, List.of());
    }

    @Test
    void overviewLayersTheDiamondAndMarksWhereEachInputComesFrom() {
        StaticSpecLoader loader = new StaticSpecLoader(diamond(), List.of("spec has uncommitted changes"));
        SpecRequest request = SpecRequest.of("my_app.specs.main", Path.of("/app"));

        SpecOverview o = new ShowSpec(loader).show(request);

        assertTrue(loader.closed, "the spec session is closed after show");
        assertEquals(request, loader.lastRequest);
        assertEquals(List.of(List.of("prep"), List.of("sales", "costs"), List.of("report")), o.layers());
        assertEquals(List.of(), o.problems());
        assertEquals(List.of(new TaskInput("prepared_sales", false, Optional.of("prep")),
                new TaskInput("products", true, Optional.empty())), o.task("sales").orElseThrow().inputs());
        assertEquals(List.of("sales", "costs"), o.task("report").orElseThrow().dependsOn());
        assertEquals(TaskKind.SQL, o.task("costs").orElseThrow().kind());
        assertEquals(new SpecOverview.ValidationSummary(1, 1, 5, 2, 3, List.of("sales", "costs")), o.validation());
        assertEquals(List.of("spec has uncommitted changes"), o.warnings());
        assertEquals(List.of("report.csv"), o.exports());
    }

    @Test
    void textShowsInputsLayersTasksValidationAndExports() {
        String text = OverviewFormat.TEXT.render(ShowSpec.overview(diamond(), List.of()));

        assertEquals("""
                Spec my_app.specs.main
                  file: /app/my_app/specs/main.py

                Inputs (2)
                  transactions  3 columns (id, kind, amount) · 1 SQL check
                  products      any columns · no SQL checks

                Tasks: 4 in 3 layers
                  Layer 1
                    prep  [agent]
                      reads   transactions (ingested)
                      writes  prepared_sales (2 columns), prepared_costs (any columns)
                      checks  1 SQL check
                      prompt  Split the transactions. …
                  Layer 2
                    sales  [agent]  after prep
                      reads   prepared_sales (from prep), products (ingested)
                      writes  sales_summary (any columns)
                      checks  views and columns only
                      prompt  Summarise sales by product.
                    costs  [sql]  after prep
                      reads   prepared_costs (from prep)
                      writes  costs_summary (1 column)
                      checks  views and columns only
                      sql     1 statement
                  Layer 3
                    report  [agent]  after sales, costs
                      reads   sales_summary (from sales), costs_summary (from costs)
                      writes  profit_report (any columns)
                      checks  2 SQL checks
                      prompt  Profit per month.

                Validation
                  inputs   1 declare required columns; 1 SQL check
                  outputs  2 of 5 declare required columns; 3 SQL checks
                  tasks without SQL checks: sales, costs

                Exports (1)
                  report.csv

                Graph: a valid DAG, no problems.
                """, text);
    }

    @Test
    void brokenGraphIsStillShownWithEveryProblem() {
        SpecOverview o = ShowSpec.overview(broken(), List.of());
        String text = OverviewFormat.TEXT.render(o);

        assertFalse(o.valid());
        assertEquals(List.of(), o.layers());
        assertTrue(text.contains("Tasks: 3 (not layered: the graph has problems)"), text);
        assertTrue(text.contains("reads   ghost (missing!)"), text);
        assertTrue(text.contains("Problems (1): taskgraph run refuses this spec\n  - Task 'c' reads input 'ghost', "
                + "which is neither an ingested table [orders] nor an output of another task."), text);
    }

    @Test
    void fileInputsShowTheirPathAndAMissingOneIsAProblemInTheWordsRunUses(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("data"));
        Files.writeString(app.resolve("data/products.csv"), "product\nkale\n");
        InputSpec transactions = new InputSpec("transactions", List.of("id"), List.of(),
                Optional.of(new DeclaredFile("data/transactions.csv", app)));
        InputSpec products = new InputSpec("products", List.of(), List.of(),
                Optional.of(new DeclaredFile("data/products.csv", app)));
        WorkspaceSpec spec = new WorkspaceSpec(diamond().origin(), List.of(transactions, products), diamond().tasks(),
                List.of());

        SpecOverview o = ShowSpec.overview(spec, List.of());
        String text = OverviewFormat.TEXT.render(o);

        String missing = "Input 'transactions': file data/transactions.csv not found (looked at "
                + app.resolve("data/transactions.csv") + ", relative to the working directory " + app + ").";
        assertFalse(o.valid());
        assertEquals(List.of(missing), o.problems());
        assertTrue(text.contains("  transactions  file data/transactions.csv (missing!) · 1 column (id) · no SQL checks\n"
                + "  products      file data/products.csv · any columns · no SQL checks\n"), text);
        assertTrue(text.contains("Tasks: 4 in 3 layers"), "the graph itself is fine, so it is layered:\n" + text);
        assertTrue(text.contains("Problems (1): taskgraph run refuses this spec\n  - " + missing), text);
        assertTrue(OverviewFormat.JSON.render(o).contains("\"file\": \"data/transactions.csv\",\n      \"missing\": true"),
                OverviewFormat.JSON.render(o));
    }

    @Test
    void cycleIsReportedAsAProblem() {
        WorkspaceSpec cyclic = new WorkspaceSpec(broken().origin(), List.of(InputSpec.of("orders")),
                broken().tasks().subList(0, 2), List.of());

        SpecOverview o = ShowSpec.overview(cyclic, List.of());

        assertEquals(1, o.problems().size());
        assertTrue(o.problems().get(0).startsWith("The tasks form a cycle: "), o.problems().get(0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesEveryDetailAndParses() {
        Map<String, Object> doc = Json.parseObject(OverviewFormat.JSON.render(ShowSpec.overview(diamond(), List.of())));

        assertEquals("my_app.specs.main", doc.get("module"));
        assertEquals("/app/my_app/specs/main.py", doc.get("file"));
        assertEquals(true, doc.get("valid"));
        assertEquals(List.of(List.of("prep"), List.of("sales", "costs"), List.of("report")), doc.get("layers"));
        Map<String, Object> sales = ((List<Map<String, Object>>) doc.get("tasks")).get(1);
        assertEquals("sales", sales.get("name"));
        assertEquals("agent", sales.get("kind"));
        assertEquals(2L, ((Number) sales.get("layer")).longValue());
        assertEquals(List.of("prep"), sales.get("depends_on"));
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) sales.get("inputs");
        assertEquals(Map.of("name", "prepared_sales", "ingested", false, "producer", "prep"), inputs.get(0));
        assertEquals("products", inputs.get(1).get("name"));
        assertEquals(true, inputs.get(1).get("ingested"));
        assertTrue(inputs.get(1).containsKey("producer") && inputs.get(1).get("producer") == null);
        Map<String, Object> input = ((List<Map<String, Object>>) doc.get("inputs")).get(0);
        assertEquals(List.of("id", "kind", "amount"), input.get("columns"));
        assertEquals(List.of("report.csv"), doc.get("exports"));
        assertEquals(List.of("sales", "costs"), ((Map<String, Object>) doc.get("validation")).get("tasks_without_sql_checks"));
    }

    @Test
    void mermaidDrawsInputsTasksHandOversAndFinalViews() {
        String mermaid = OverviewFormat.MERMAID.render(ShowSpec.overview(diamond(), List.of()));

        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        for (String line : List.of("input_transactions[(\"transactions\")]", "task_costs[\"costs<br/><small>sql</small>\"]",
                "view_profit_report([\"profit_report\"])", "input_transactions --> task_prep",
                "task_prep -->|prepared_sales| task_sales", "input_products --> task_sales",
                "task_sales -->|sales_summary| task_report", "task_report --> view_profit_report",
                "class input_transactions,input_products input")) {
            assertTrue(mermaid.contains("  " + line + "\n"), line + " in\n" + mermaid);
        }
        assertFalse(mermaid.contains("view_sales_summary"), "views other tasks read are drawn as edges, not nodes");
    }

    @Test
    void dotIsAGraphvizDigraphWithLabelledHandOvers() {
        String dot = OverviewFormat.DOT.render(ShowSpec.overview(diamond(), List.of()));

        assertTrue(dot.startsWith("digraph taskgraph {\n") && dot.endsWith("}\n"), dot);
        for (String line : List.of("\"input:transactions\" -> \"task:prep\";",
                "\"task:prep\" -> \"task:costs\" [label=\"prepared_costs\"];",
                "\"task:report\" -> \"view:profit_report\";",
                "\"task:costs\" [label=\"costs\\nsql\", shape=box, style=rounded];")) {
            assertTrue(dot.contains("  " + line + "\n"), line + " in\n" + dot);
        }
    }

    @Test
    void diagramsMarkMissingInputs() {
        SpecOverview o = ShowSpec.overview(broken(), List.of());

        assertTrue(OverviewFormat.MERMAID.render(o).contains("  missing_ghost -.-> task_c\n"));
        assertTrue(OverviewFormat.DOT.render(o).contains("  \"missing:ghost\" -> \"task:c\" [style=dashed];\n"));
    }

    @Test
    void aSelectionIsMarkedInTheTextWithTheTasksItPicks() {
        String text = OverviewFormat.TEXT.render(ShowSpec.overview(diamond(), List.of(),
                TaskSelection.parse(List.of("sales+"))));
        assertTrue(text.startsWith("Spec my_app.specs.main\n  file: /app/my_app/specs/main.py\n"
                + "  selected: sales+ -> sales, report (marked *)\n"), text);
        assertTrue(text.contains("\n    prep  [agent]\n"), text);
        assertTrue(text.contains("\n  * sales  [agent]  after prep\n"), text);
        assertTrue(text.contains("\n    costs  [sql]  after prep\n"), text);
        assertTrue(text.contains("\n  * report  [agent]  after sales, costs\n"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSelectionIsInTheJsonAndOnEveryTask() {
        Map<String, Object> doc = Json.parseObject(OverviewFormat.JSON.render(ShowSpec.overview(diamond(), List.of(),
                TaskSelection.parse(List.of("+costs")))));
        assertEquals(Map.of("selectors", "+costs", "tasks", List.of("prep", "costs")), doc.get("selection"));
        List<Object> selected = ((List<Map<String, Object>>) doc.get("tasks")).stream().map(t -> t.get("selected")).toList();
        assertEquals(List.of(true, false, true, false), selected);
        Map<String, Object> none = Json.parseObject(OverviewFormat.JSON.render(ShowSpec.overview(diamond(), List.of())));
        assertEquals(null, none.get("selection"));
    }

    @Test
    void diagramsHighlightTheSelectedTasks() {
        SpecOverview o = ShowSpec.overview(diamond(), List.of(), TaskSelection.parse(List.of("report")));
        String mermaid = OverviewFormat.MERMAID.render(o);
        assertTrue(mermaid.contains("  classDef selected fill:#fff4d6,stroke:#d97706,stroke-width:3px\n"), mermaid);
        assertTrue(mermaid.contains("  class task_report selected\n"), mermaid);
        String dot = OverviewFormat.DOT.render(o);
        assertTrue(dot.contains("  \"task:report\" [label=\"report\\nagent\", shape=box, style=\"rounded,filled\", "
                + "fillcolor=\"#fff4d6\", color=\"#d97706\", penwidth=3];\n"), dot);
        assertTrue(dot.contains("  \"task:sales\" [label=\"sales\\nagent\", shape=box, style=rounded];\n"), dot);
        assertFalse(OverviewFormat.MERMAID.render(ShowSpec.overview(diamond(), List.of())).contains("selected"));
    }

    @Test
    void anUnknownSelectedTaskIsAnErrorAndABrokenGraphIgnoresTheSelectionWithAWarning() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class,
                () -> ShowSpec.overview(diamond(), List.of(), TaskSelection.parse(List.of("sale"))));
        assertTrue(e.getMessage().contains("did you mean 'sales'?"), e.getMessage());
        SpecOverview o = ShowSpec.overview(broken(), List.of(), TaskSelection.parse(List.of("a")));
        assertTrue(o.selection().all());
        assertEquals(List.of("The selection a is ignored: tasks can be selected only from a graph without problems."),
                o.warnings());
    }

    @Test
    void unknownFormatNamesTheFourThatExist() {
        assertEquals(OverviewFormat.MERMAID, OverviewFormat.parse("Mermaid"));
        UsageException e = assertThrows(UsageException.class, () -> OverviewFormat.parse("svg"));
        assertEquals("Unknown format 'svg'; use text, json, mermaid or dot.", e.getMessage());
    }

    @Test
    void aTaskPrefixThatAlsoMatchesAnotherTasksOutputIsShownAsAWarning() {
        WorkspaceSpec spec = new WorkspaceSpec(new SpecOrigin("my_app.specs.main", FILE, "", GitInfo.unknown()),
                List.of(InputSpec.of("orders")), List.of(
                        TaskSpec.agent("up", "Up.", List.of("orders"), List.of("down_table")),
                        TaskSpec.agent("down", "Down.", List.of("down_table"), List.of("down_report"))), List.of());

        SpecOverview overview = ShowSpec.overview(spec, List.of("spec has uncommitted changes"));

        String overlap = "Task 'down' has the name prefix down_, which also matches 'down_table', an output of task "
                + "'up'. The output belongs to 'up': task 'down' may not create, replace or drop it. Rename the output "
                + "or the task if that is not what you meant.";
        assertEquals(List.of("spec has uncommitted changes", overlap), overview.warnings());
        assertTrue(OverviewText.render(overview).contains("  warning: " + overlap), OverviewText.render(overview));
        assertEquals(List.of(), ShowSpec.overview(diamond(), List.of()).warnings(), "the diamond's prefixes overlap nothing");
    }
}
