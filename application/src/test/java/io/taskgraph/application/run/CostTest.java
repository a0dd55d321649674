package io.taskgraph.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the model server says the calls cost is summed per task into _task_meta, and never made up. */
@Timeout(60)
class CostTest {
    private static final Usage PRICED = new Usage(100, 20, 0, 0).withCost(new BigDecimal("0.0015"));

    @TempDir
    Path dir;

    private RunFixture diamond(Usage perCall) {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        f.llm.usagePerResponse(perCall);
        return f;
    }

    @Test
    void eachTasksReportedCostIsSummedOverItsCallsIntoTaskMetaAndTheSummary() {
        RunFixture f = diamond(PRICED);

        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        Map<String, Map<String, String>> meta = f.taskMeta("out.db");
        assertEquals("0.0045", meta.get("prep").get("cost"), "prep made 3 calls");
        assertEquals("0.003", meta.get("sales").get("cost"), "sales made 2 calls");
        assertEquals("0.003", meta.get("costs").get("cost"));
        assertEquals("0.003", meta.get("report").get("cost"));
        assertEquals(0, new BigDecimal("0.0135").compareTo(summary.usage().cost().orElseThrow()),
                summary.usage().toString());
    }

    @Test
    void aServerThatReportsNoCostRecordsNone() {
        RunFixture f = diamond(ScriptedLlmClient.DEFAULT_USAGE);

        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        f.taskMeta("out.db").forEach((task, keys) -> assertFalse(keys.containsKey("cost"), task + ": " + keys));
        assertEquals(Optional.empty(), summary.usage().cost());
    }

    @Test
    void aTaskRerunWithoutAReportedCostDropsTheCostCopiedFromTheEarlierRun() {
        RunFixture f = diamond(PRICED);
        f.run(Diamond.MODULE, "jan.db");
        f.llm = ScriptedLlmClient.create();
        for (String task : Diamond.script().keySet()) {
            f.llm.task(task, Turn.answer("The views are right."));
        }

        f.rerun("jan.db", "feb.db", RerunMode.REVIEW);

        f.taskMeta("feb.db").forEach((task, keys) -> assertFalse(keys.containsKey("cost"), task + ": " + keys));
        assertEquals("0.0045", f.taskMeta("jan.db").get("prep").get("cost"), "the earlier workspace keeps its record");
    }

    @Test
    void aReusedTaskKeepsTheCostOfTheRunThatBuiltIt() {
        RunFixture f = diamond(PRICED);
        f.run(Diamond.MODULE, "jan.db");

        f.rerun("jan.db", "feb.db", RerunMode.VALIDATE);

        assertEquals("0.0045", f.taskMeta("feb.db").get("prep").get("cost"));
        assertEquals("\"reused\"", f.taskMeta("feb.db").get("prep").get("status"));
    }
}
