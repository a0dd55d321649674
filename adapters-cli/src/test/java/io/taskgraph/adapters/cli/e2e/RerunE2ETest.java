package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("e2e")
class RerunE2ETest extends FromJanuaryRun {
    /** February's data: one sale grows by 10, so the profit is 45; the check moves with it (checks may evolve). */
    private static final String FEB = Diamond.SPEC
            .replace("{\"id\": 4, \"kind\": \"sale\", \"product\": \"apple\", \"amount\": 10}",
                    "{\"id\": 4, \"kind\": \"sale\", \"product\": \"apple\", \"amount\": 20}")
            .replace("profit should be 35", "profit should be 45").replace("WHERE profit <> 35", "WHERE profit <> 45");

    @BeforeEach
    void solveEveryTask() {
        Diamond.solve(model);
    }

    @Test
    void validateModeReusesTasksWhoseViewsStillPassWithoutCallingTheModel() throws Exception {
        int before = 0;
        byte[] source = Files.readAllBytes(app.path("jan.db"));

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "again.db");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(before, model.requestCount(), "no model call when every view still passes");
        assertTrue(r.out().contains("] prep: still valid, reused (no model call)"), r.all());
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed (4 reused)."), r.all());
        assertArrayEquals(source, Files.readAllBytes(app.path("jan.db")), "the source workspace is never modified");
        Map<String, String> meta = WorkspaceFile.workspaceMeta(app.path("again.db"));
        assertEquals(app.path("jan.db").toRealPath().toString(), meta.get("source_db"));
        assertEquals("validate", meta.get("rerun_mode"));
        assertEquals("test/recorded-model", meta.get("model"));
        assertEquals("profit\n35\n", Files.readString(app.path("report.csv")), "exports run after a passing rerun");
    }

    @Test
    void reviewModeAsksEveryAgentAgainWithTheRecordedModel() throws Exception {
        int before = 0;
        for (String marker : List.of("[prep]", "[sales]", "[costs]", "[report]")) {
            model.script(marker, Reply.answer("The existing views are right."));
        }

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "reviewed.db", "--mode", "review");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(before + 4, model.requestCount(), "one review turn per task");
        assertTrue(model.requests().subList(before, before + 4).stream()
                .allMatch(req -> "test/recorded-model".equals(req.get("model"))), "the model recorded in jan.db");
        assertEquals("review", WorkspaceFile.workspaceMeta(app.path("reviewed.db")).get("rerun_mode"));
    }

    @Test
    void monthToMonthWithANewSpecReingestsItsDataAndKeepsTheViews() throws Exception {
        String feb = app.spec("feb", FEB);
        int before = 0;

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--spec", feb);

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(before, model.requestCount(), "the January SQL still holds for February's data: no model call");
        assertTrue(r.out().contains("] ingested transactions: 4 rows"), r.all());
        assertEquals(List.of(List.of("45")), WorkspaceFile.query(app.path("feb.db"), "SELECT profit FROM profit_report"));
        assertEquals(List.of(List.of("35")), WorkspaceFile.query(app.path("jan.db"), "SELECT profit FROM profit_report"));
        assertEquals(feb, WorkspaceFile.workspaceMeta(app.path("feb.db")).get("spec_module"));
    }

    @Test
    void monthToMonthInvokesOnlyTheAgentsWhoseChecksNowFail() throws Exception {
        String feb = app.spec("feb", FEB.replace("WHERE profit <> 45", "WHERE profit < 50"));
        model.script("[report]", Reply.sql("CREATE OR REPLACE VIEW profit_report AS SELECT 50 AS profit"), Reply.answer("Fixed."));
        int before = 0;

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--spec", feb);

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(before + 2, model.requestCount(), r.all());
        assertEquals(2, model.requests("[report]").size(), "only report's agent ran again");
        assertTrue(r.out().contains("Done: 4 of 4 tasks passed (3 reused)."), r.all());
    }

    @Test
    void anIncompatibleSpecIsRefusedWithEveryDifferenceBeforeAnyModelCall() throws Exception {
        String changed = app.spec("changed", Diamond.SPEC
                .replace("\"columns\": [\"id\", \"kind\", \"product\", \"amount\"]", "\"columns\": [\"id\", \"kind\", \"amount\"]")
                .replace("\"outputs\": [\"costs_summary\"]", "\"outputs\": [\"cost_totals\"]")
                .replace("\"inputs\": [\"sales_summary\", \"costs_summary\"]", "\"inputs\": [\"sales_summary\", \"cost_totals\"]"));
        int before = 0;

        Taskgraph.Result r = taskgraph.run("rerun", "jan.db", "-o", "feb.db", "--spec", changed);

        assertEquals(2, r.exitCode(), r.all());
        assertEquals(before, model.requestCount(), "refused before any model call");
        assertTrue(r.err().contains("is not structurally compatible with workspace"), r.all());
        assertTrue(r.err().contains("costs_summary") && r.err().contains("cost_totals") && r.err().contains("product"), r.all());
        assertFalse(Files.exists(app.path("feb.db")), "nothing was written");
    }
}
