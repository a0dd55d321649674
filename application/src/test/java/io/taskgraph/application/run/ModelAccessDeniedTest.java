package io.taskgraph.application.run;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model server refuses the account mid-run (a revoked key, no credit, a forbidden model): no other call can
 * succeed, so the run stops every task at once with one message, and a rerun continues from what passed.
 */
@Timeout(60)
class ModelAccessDeniedTest {
    private static final String REFUSAL = "The model server at https://models.example/v1 rejected the API key on the "
            + "call of task 'costs' (turn 2): HTTP 401: User not found. Check OPENROUTER_API_KEY.";
    private static final String CAUSE = "the model server refused the run's calls (HTTP 401: User not found)";

    @TempDir
    Path dir;

    @Test
    void aRefusedKeyStopsEveryTaskAtOnceWithOneReasonAndARerunContinues() throws Exception {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build());
        CountDownLatch salesWaitsForTheModel = new CountDownLatch(1);
        f.onEvent(event -> {
            if (event instanceof RunEvent.TaskIteration it && it.task().equals("sales") && it.iteration() == 2) {
                salesWaitsForTheModel.countDown();
            }
        });
        f.llm.task("prep", Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer("done"));
        f.llm.task("sales", Turn.sql("SELECT count(*) FROM prepared_sales"),
                Turn.answer("never heard").delayed(Duration.ofSeconds(30)));
        f.llm.task("costs", Turn.sql(Diamond.COSTS), Turn.choosing(request -> {
            await(salesWaitsForTheModel);
            return Turn.failing(new LlmException(REFUSAL, LlmException.Kind.ACCESS_DENIED, "HTTP 401: User not found"));
        }));

        long start = System.nanoTime();
        RunSummary summary = f.run(Diamond.MODULE, "out.db", RunOptions.defaults(RunFixture.MODEL), new RunControl());

        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "sales' 30 s call was cut short");
        assertEquals(Optional.of(REFUSAL), summary.stopReason(), "the one message: what failed and how to fix it");
        assertTrue(summary.interrupted() && !summary.succeeded());
        assertEquals(TaskStatus.PASSED, outcome(summary, "prep").status());
        assertEquals(TaskStatus.FAILED, outcome(summary, "costs").status());
        assertEquals("The model server refused its call (HTTP 401: User not found), so the run stopped.",
                outcome(summary, "costs").reason());
        assertEquals(TaskStatus.INTERRUPTED, outcome(summary, "sales").status());
        assertEquals("Stopped before it finished: " + CAUSE + ".", outcome(summary, "sales").reason());
        assertEquals(TaskStatus.INTERRUPTED, outcome(summary, "report").status());
        assertEquals("Not started: " + CAUSE + ".", outcome(summary, "report").reason());
        assertEquals(2, f.llm.requests("costs").size());
        assertEquals(2, f.llm.requests("sales").size(), "no call after the refusal");
        assertEquals(List.of(), f.llm.requests("report"));
        assertEquals("\"Stopped before it finished: " + CAUSE + ".\"", f.taskMeta("out.db").get("sales").get("reason"));
        assertEquals("\"Not started: " + CAUSE + ".\"", f.taskMeta("out.db").get("report").get("reason"));
        assertEquals("true", f.workspaceMeta("out.db").get("interrupted"));

        f.llm = ScriptedLlmClient.create()
                .task("sales", Turn.sql(Diamond.SALES), Turn.answer("done"))
                .task("costs", Turn.sql(Diamond.COSTS), Turn.answer("done"))
                .task("report", Turn.sql(Diamond.REPORT), Turn.answer("done"));
        RunSummary rerun = f.rerun("out.db", "resumed.db", RerunMode.VALIDATE);

        assertTrue(rerun.succeeded(), rerun.toString());
        assertEquals(Optional.empty(), rerun.stopReason());
        assertEquals(TaskStatus.REUSED, outcome(rerun, "prep").status());
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("resumed.db", "SELECT profit FROM profit_report"));
    }

    @Test
    void aFailureOfOneCallOnlyFailsThatTaskAndTheOthersGoOn() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build());
        f.llm.task("prep", Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer("done"));
        f.llm.task("sales", Turn.sql(Diamond.SALES), Turn.answer("done"));
        f.llm.task("costs", Turn.failing(new LlmException("The model call of task 'costs' (turn 1) failed 9 times in a "
                + "row; the last error: HTTP 503: overloaded.", false)));

        RunSummary summary = f.run(Diamond.MODULE, "out.db");

        assertEquals(Optional.empty(), summary.stopReason());
        assertTrue(!summary.interrupted());
        assertEquals(TaskStatus.PASSED, outcome(summary, "sales").status());
        assertEquals(TaskStatus.FAILED, outcome(summary, "costs").status());
        assertEquals(TaskStatus.BLOCKED, outcome(summary, "report").status());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "sales reached its second model call");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
