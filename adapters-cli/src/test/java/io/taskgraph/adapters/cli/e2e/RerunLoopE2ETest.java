package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import io.taskgraph.domain.json.Json;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The month-to-month loop as a user runs it: edit the spec, look at the plan ({@code --dry-run}), rerun. Every
 * command runs the real jar against the scripted model server, and the requests are counted per task.
 */
@Tag("e2e")
class RerunLoopE2ETest extends FromJanuaryRun {
    /** Edits January's spec module in place, as a user edits their spec file. */
    private void edit(String from, String to) throws Exception {
        String source = Diamond.SPEC.replace(from, to);
        assertFalse(source.equals(Diamond.SPEC), "the edit applies: " + from);
        app.spec("jan", source);
    }

    @Test
    void aRewordedPromptIsPlannedAsReusedThenReusedAndListedThenRunWithModeChanged() throws Exception {
        edit("[costs] Total costs.", "[costs] Total all costs.");
        byte[] source = Files.readAllBytes(app.path("jan.db"));

        Taskgraph.Result dry = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--dry-run");

        assertEquals(0, dry.exitCode(), dry.all());
        assertEquals(0, model.requestCount(), "a plan calls no model");
        assertFalse(Files.exists(app.path("feb.db")), "a plan writes no file");
        assertArrayEquals(source, Files.readAllBytes(app.path("jan.db")), "the source is untouched");
        assertTrue(dry.out().startsWith("Plan for taskgraph rerun jan.db -o feb.db (mode validate): nothing was written "
                + "and no model was called.\n"), dry.all());
        assertTrue(dry.out().contains("  spec    my_app.specs.jan (recorded): edited since it was recorded; the rerun "
                + "uses it as it is now, and the tasks list what changed\n"), dry.all());
        assertTrue(dry.out().contains("  data    the tables recorded in jan.db (not re-ingested)\n"), dry.all());
        assertTrue(dry.out().contains("  prep    reuse    views pass validation\n"), dry.all());
        assertTrue(dry.out().contains("  costs   reuse    views pass validation; prompt changed since its views were "
                + "built\n                   prompt:\n                     - [costs] Total costs.\n"
                + "                     + [costs] Total all costs.\n"), dry.all());
        assertTrue(dry.out().contains("Tasks: 4 reused (prep, sales, costs, report).\n"), dry.all());
        assertTrue(dry.out().contains("Changed since their views were built, but not set to run; to run them again:\n"
                + "  taskgraph rerun jan.db -o feb.db --select costs\n"
                + "  or every changed task: taskgraph rerun jan.db -o feb.db --mode changed\n"), dry.all());

        Taskgraph.Result rerun = taskgraph.run("rerun", "jan.db", "-o", "feb.db");

        assertEquals(0, rerun.exitCode(), rerun.all());
        assertEquals(0, model.requestCount(), "validate mode reuses valid work");
        assertTrue(rerun.err().contains("note: spec my_app.specs.jan edited since it was recorded; this rerun uses it as "
                + "it is now (--ignore-commit hides this note)"), rerun.all());
        assertTrue(rerun.out().contains("] costs: reused, its views still pass; its prompt has changed since they were "
                + "built\n"), rerun.all());
        assertFalse(rerun.out().contains("started (agent)"), "reused tasks never start: " + rerun.all());
        assertTrue(rerun.out().contains("Reused although their definition changed since their views were built (the "
                + "views still pass validation):\n  costs  prompt changed; run it again: taskgraph rerun jan.db -o "
                + "feb.db -f --select costs\n  or run every changed task again: taskgraph rerun jan.db -o feb.db -f "
                + "--mode changed\n"), rerun.all());

        model.script("[costs]", Reply.answer("The view totals all costs already."));
        Taskgraph.Result changed = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "-f", "--mode", "changed");

        assertEquals(0, changed.exitCode(), changed.all());
        assertEquals(counts(0, 0, 1, 0), requestsPerTask());
        assertTrue(changed.out().contains("] costs: runs again: prompt changed\n"), changed.all());
        assertTrue(changed.out().contains("] costs: started (agent)\n"), changed.all());
        assertTrue(changed.out().contains("Done: 4 of 4 tasks passed (3 reused)."), changed.all());
        assertFalse(changed.out().contains("Reused although"), changed.all());
        assertEquals("[costs] Total all costs.", WorkspaceFile.query(app.path("feb.db"),
                "SELECT value->>'prompt' FROM _task_meta WHERE task = 'costs' AND key = 'definition'").get(0).get(0));
    }

    @Test
    void anEditedCheckThatStillPassesIsReusedThenRunWithModeChanged() throws Exception {
        edit("\"outputs\": [\"sales_summary\"],",
                "\"outputs\": [\"sales_summary\"], \"validate_sql\": [\"SELECT 'no pears' WHERE NOT EXISTS "
                        + "(SELECT 1 FROM sales_summary WHERE product = 'pear')\"],");

        Taskgraph.Result dry = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--dry-run", "--mode", "changed");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("  sales   run      validate_sql changed\n                   validate_sql:\n"
                + "                     + SELECT 'no pears' WHERE NOT EXISTS (SELECT 1 FROM sales_summary WHERE "
                + "product = 'pear')\n"), dry.all());
        assertTrue(dry.out().contains("  report  check    validated again once sales has run; runs again only if a "
                + "check then fails\n"), dry.all());
        assertEquals(0, model.requestCount());

        Taskgraph.Result validate = taskgraph.run("rerun", "jan.db", "-o", "feb.db");
        assertEquals(0, validate.exitCode(), validate.all());
        assertEquals(0, model.requestCount());
        assertTrue(validate.out().contains("  sales  validate_sql changed; run it again: taskgraph rerun jan.db -o feb.db "
                + "-f --select sales\n"), validate.all());

        model.script("[sales]", Reply.answer("Pears are in the summary."));
        Taskgraph.Result changed = taskgraph.run("rerun", "jan.db", "-o", "feb2.db", "--mode", "changed");
        assertEquals(0, changed.exitCode(), changed.all());
        assertEquals(counts(0, 1, 0, 0), requestsPerTask());
        assertTrue(changed.out().contains("] sales: runs again: validate_sql changed\n"), changed.all());
    }

    @Test
    void anUpstreamTaskThatRanAgainMakesADownstreamTaskWhoseCheckNowFailsRunAgain() throws Exception {
        model.script("[prep]", Reply.sql("CREATE OR REPLACE VIEW prepared_sales AS SELECT id, product, amount "
                + "FROM transactions WHERE kind = 'sale' AND id <> 4"), Reply.answer("Dropped the duplicate sale."));
        model.script("[report]", Reply.sql("CREATE OR REPLACE VIEW profit_report AS SELECT 35 AS profit"),
                Reply.answer("Pinned the profit the check expects."));

        Taskgraph.Result dry = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "prep", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("  prep    run      selected\n"), dry.all());
        assertTrue(dry.out().contains("  report  check    validated again once prep has run; runs again only if a "
                + "check then fails\n"), dry.all());

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "prep");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(2, 0, 0, 2), requestsPerTask(), "sales and costs still pass");
        assertTrue(r.out().contains("] prep: runs again: selected\n"), r.all());
        assertTrue(r.out().contains("] report: runs again: upstream prep re-ran and a check now fails: profit should be "
                + "35, not 25\n"), r.all());
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed (2 reused)."), r.all());
    }

    @Test
    void anUpstreamTaskThatRanAgainLeavesADownstreamTaskAloneWhileItsChecksPass() throws Exception {
        model.script("[prep]", Reply.answer("Both views are right."));

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--select", "prep");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(counts(1, 0, 0, 0), requestsPerTask());
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed (3 reused)."), r.all());
    }

    @Test
    void withoutAnApiKeyThePlanIsStillShownButExitsAsTheRerunWould() throws Exception {
        Taskgraph.Result dry = taskgraph.env("OPENROUTER_API_KEY", null).run("rerun", "jan.db", "-o", "feb.db",
                "--dry-run");

        assertEquals(2, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("Tasks: 4 reused (prep, sales, costs, report).\n"), dry.all());
        assertTrue(dry.err().startsWith("taskgraph: No OpenRouter API key is set."), dry.all());
        assertFalse(Files.exists(app.path("feb.db")));
    }

    @Test
    void nothingChangedCallsNoModelInChangedMode() throws Exception {
        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--mode", "changed");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(0, model.requestCount());
        assertFalse(r.err().contains("note: spec"), r.all());
        assertFalse(r.out().contains("Reused although"), r.all());
    }

    @Test
    void aWorkspaceFromBeforeDefinitionsWereRecordedReruns() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + app.path("jan.db"));
             var s = c.createStatement()) {
            s.execute("DELETE FROM _task_meta WHERE key = 'definition'");
            s.execute("DELETE FROM _workspace_meta WHERE key = 'input_files'");
        }
        edit("[costs] Total costs.", "[costs] Total all costs.");

        Taskgraph.Result dry = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("  prep    reuse    views pass validation; definition not recorded; prompt "
                + "unchanged\n"), dry.all());
        assertTrue(dry.out().contains("  costs   reuse    views pass validation; definition not recorded; prompt "
                + "changed\n"), dry.all());

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(0, model.requestCount());
        assertTrue(WorkspaceFile.query(app.path("feb.db"), "SELECT count(*) FROM _task_meta WHERE key = 'definition'")
                .equals(List.of(List.of("0"))), "reused tasks record no definition they were not built from");
    }

    @Test
    void anInputFileEditedOnDiskIsNamedWithHowToUseIt() throws Exception {
        app.write("data/rates.csv", "currency,rate\nEUR,1.0\nUSD,0.9\n");
        String rates = app.spec("rates", """
                INPUTS = {"rates": "data/rates.csv"}
                TASKS = [{"name": "latest", "prompt": "[latest] Rates by currency.", "inputs": ["rates"],
                          "outputs": ["latest_rates"]}]
                """);
        model.script("[latest]", Reply.sql("CREATE VIEW latest_rates AS SELECT * FROM rates"), Reply.answer("Done."));
        Taskgraph.Result first = taskgraph.run("run", "-s", rates, "-o", "rates.db");
        assertEquals(0, first.exitCode(), first.all());
        assertEquals(app.path("data/rates.csv").toRealPath().toString(), Json.parseObject(WorkspaceFile
                .workspaceMeta(app.path("rates.db")).get("input_files")).get("rates") instanceof java.util.Map<?, ?> m
                ? m.get("path") : null);
        app.write("data/rates.csv", "currency,rate\nEUR,1.0\nUSD,0.9\nGBP,1.2\n");

        Taskgraph.Result dry = taskgraph.run("rerun", "rates.db", "-o", "next.db", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("\n          input 'rates' file data/rates.csv changed on disk since it was "
                + "recorded (size 30 -> 38 bytes); pass --reingest to use it\n"), dry.all());

        Taskgraph.Result recorded = taskgraph.run("rerun", "rates.db", "-o", "next.db");
        assertEquals(0, recorded.exitCode(), recorded.all());
        assertTrue(recorded.err().contains("warning: input 'rates' file data/rates.csv changed on disk since it was "
                + "recorded (size 30 -> 38 bytes); this rerun uses the recorded rows: pass --reingest to read the file "
                + "as it is now"), recorded.all());
        assertEquals(List.of(List.of("2")), WorkspaceFile.query(app.path("next.db"), "SELECT count(*) FROM latest_rates"));

        Taskgraph.Result fresh = taskgraph.run("rerun", "rates.db", "-o", "fresh.db", "--reingest");
        assertEquals(0, fresh.exitCode(), fresh.all());
        assertFalse(fresh.err().contains("changed on disk"), fresh.all());
        assertTrue(fresh.out().contains("] data: re-ingested from the spec's inputs\n"), fresh.all());
        assertEquals(List.of(List.of("3")), WorkspaceFile.query(app.path("fresh.db"), "SELECT count(*) FROM latest_rates"));
    }
}
