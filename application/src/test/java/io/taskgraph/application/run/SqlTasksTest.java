package io.taskgraph.application.run;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Deterministic SQL tasks: no model, same guard and trace, validation, and repair by an agent when allowed. */
@Timeout(60)
class SqlTasksTest {
    @TempDir
    Path dir;

    private static TaskSpec sqlPrep(List<String> sql, boolean repair) {
        return new TaskSpec("prep", repair ? "Split the transactions into sales and costs." : "", sql, repair,
                List.of("transactions"), List.of("prepared_sales", "prepared_costs"),
                Map.of("prepared_sales", List.of("id", "product", "amount"),
                        "prepared_costs", List.of("id", "product", "amount")), List.of());
    }

    private RunFixture diamondWithPrep(TaskSpec prep) {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build());
        List<TaskSpec> tasks = List.of(prep, Diamond.sales(), Diamond.costs(), Diamond.report());
        f.module(io.taskgraph.domain.testing.InMemorySpec.module(Diamond.MODULE)
                .input(new io.taskgraph.domain.spec.InputSpec("transactions", List.of(), List.of()),
                        Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
                .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
                .tasks(tasks).build());
        Map<String, List<Turn>> script = Diamond.script();
        script.remove("prep");
        f.script(script);
        return f;
    }

    @Test
    void aSqlTaskRunsItsStatementsWithoutTheModel() {
        RunFixture f = diamondWithPrep(sqlPrep(List.of(Diamond.PREP_SALES, Diamond.PREP_COSTS), false));
        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        assertTrue(summary.succeeded(), summary.toString());
        TaskOutcome prep = outcome(summary, "prep");
        assertEquals(TaskKind.SQL, prep.kind());
        assertEquals(TaskStatus.PASSED, prep.status());
        assertEquals(0, prep.iterations());
        assertEquals(2, prep.toolCalls());
        assertTrue(f.llm.requests("prep").isEmpty());
        assertEquals(List.of(List.of("prep", Diamond.PREP_SALES), List.of("prep", Diamond.PREP_COSTS)),
                f.rows("out.db", "SELECT task, query FROM _trace WHERE task = 'prep' ORDER BY id"));
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("out.db", "SELECT profit FROM profit_report"));
        Map<String, String> meta = f.taskMeta("out.db").get("prep");
        assertEquals("\"sql\"", meta.get("kind"));
        assertEquals("null", meta.get("model"));
        assertEquals("\"PASSED\"", meta.get("validation"));
        assertEquals(new RunEvent.TaskStarted("prep", TaskKind.SQL), f.events(RunEvent.TaskStarted.class).get(0));
    }

    @Test
    void aFailingSqlTaskWithoutRepairFailsAndBlocksItsDependents() {
        RunFixture f = diamondWithPrep(sqlPrep(List.of(Diamond.PREP_SALES,
                "CREATE VIEW prepared_costs AS SELECT id, product, amount FROM transactionz WHERE kind = 'cost'",
                "SELECT 1"), false));
        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        TaskOutcome prep = outcome(summary, "prep");
        assertEquals(TaskStatus.FAILED, prep.status());
        assertEquals("Its SQL did not produce valid outputs (the task has no \"repair\", so no agent was asked).",
                prep.reason());
        assertEquals(2, prep.failures().size());
        assertTrue(prep.failures().get(0).startsWith("Statement 2 of 3 failed: "), prep.failures().toString());
        assertTrue(prep.failures().get(0).contains("transactionz"), prep.failures().toString());
        assertEquals("Statements 3 to 3 were not run.", prep.failures().get(1));
        assertEquals(TaskStatus.BLOCKED, outcome(summary, "sales").status());
        assertTrue(f.llm.requests().isEmpty(), "no model call for a failing SQL task without repair");
        assertEquals(List.of(List.of(true), List.of(false)),
                f.rows("out.db", "SELECT success FROM _trace WHERE task = 'prep' ORDER BY id"));
    }

    @Test
    void aSqlTaskWhoseOutputsFailValidationFails() {
        RunFixture f = diamondWithPrep(sqlPrep(List.of(Diamond.PREP_SALES,
                "CREATE VIEW prepared_costs AS SELECT id, amount FROM transactions WHERE kind = 'cost'"), false));
        TaskOutcome prep = outcome(f.run(Diamond.MODULE, "out.db"), "prep");
        assertEquals(TaskStatus.FAILED, prep.status());
        assertEquals(List.of("View 'prepared_costs' is missing required column [product]; its columns are [id, amount]."),
                prep.failures());
        assertEquals(List.of(new RunEvent.ValidationFailed("prep", prep.failures())),
                f.events(RunEvent.ValidationFailed.class));
    }

    @Test
    void aFailingSqlTaskWithRepairIsFixedByAnAgentThatSeesTheSqlAndTheErrors() {
        String broken = "CREATE VIEW prepared_costs AS SELECT id, product, amount FROM transactionz WHERE kind = 'cost'";
        RunFixture f = diamondWithPrep(sqlPrep(List.of(Diamond.PREP_SALES, broken), true));
        f.llm.task("prep", Turn.sql(Diamond.PREP_COSTS), Turn.answer("Fixed the table name in prepared_costs."));
        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        assertTrue(summary.succeeded(), summary.toString());
        TaskOutcome prep = outcome(summary, "prep");
        assertEquals(TaskStatus.PASSED, prep.status());
        assertEquals(2, prep.iterations());
        assertEquals(3, prep.toolCalls());
        String brief = f.llm.requests("prep").get(0).messages().get(1).content();
        assertTrue(brief.contains("## Intent\nSplit the transactions into sales and costs."), brief);
        assertTrue(brief.contains(broken), brief);
        assertTrue(brief.contains("- Statement 2 of 2 failed: "), brief);
        assertTrue(brief.contains("transactionz"), brief);
        Map<String, String> meta = f.taskMeta("out.db").get("prep");
        assertEquals("\"sql\"", meta.get("kind"));
        assertEquals("\"" + RunFixture.MODEL + "\"", meta.get("model"));
        assertEquals("\"Fixed the table name in prepared_costs.\"", meta.get("final_message"));
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("out.db", "SELECT profit FROM profit_report"));
    }

    @Test
    void aSqlTaskIsHeldToItsNamespace() {
        RunFixture f = diamondWithPrep(sqlPrep(List.of(Diamond.PREP_SALES, Diamond.PREP_COSTS,
                "CREATE VIEW sales_summary AS SELECT 1 AS x"), false));
        TaskOutcome prep = outcome(f.run(Diamond.MODULE, "out.db"), "prep");
        assertEquals(TaskStatus.FAILED, prep.status());
        assertTrue(prep.failures().get(0).startsWith("Statement 3 of 3 failed: "), prep.failures().toString());
        assertFalse(f.rows("out.db", "SELECT count(*) FROM duckdb_views() WHERE view_name = 'sales_summary'")
                .get(0).get(0).toString().equals("1"));
    }
}
