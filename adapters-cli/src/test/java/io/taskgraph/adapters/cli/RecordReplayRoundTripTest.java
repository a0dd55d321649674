package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.openrouter.RecordingLlmClient;
import io.taskgraph.adapters.openrouter.ReplayLlmClient;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's promise for the record/replay adapters, proved on a whole run: a multi-task run recorded from the
 * scripted LLM and replayed from its cassette (no LLM at all) leaves identical views and an identical trace.
 */
class RecordReplayRoundTripTest {
    private static final List<String> VIEWS = List.of("prepared_sales", "prepared_costs", "sales_summary",
            "costs_summary", "profit_report");
    private static final String TRACE = "SELECT task, query, success, error, row_count FROM _trace ORDER BY task, id";

    @TempDir
    Path dir;

    @Test
    void aReplayedDiamondRunBuildsTheSameViewsAndTraceAsTheRecordedOne() throws Exception {
        Path cassette = dir.resolve("diamond.jsonl");
        RunFixture fixture = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        ScriptedLlmClient scripted = fixture.llm;
        RunSummary recorded = runWith(fixture, new RecordingLlmClient(scripted, cassette), "recorded.db");
        assertTrue(recorded.allTasksPassed(), recorded.tasks().toString());
        assertEquals(3 + 2 + 2 + 2, Files.readAllLines(cassette).size(), "one cassette line per model call");

        RunSummary replayed = runWith(fixture, new ReplayLlmClient(cassette), "replayed.db");
        assertTrue(replayed.allTasksPassed(), replayed.tasks().toString());

        for (String view : VIEWS) {
            String sql = "SELECT * FROM " + view + " ORDER BY ALL";
            assertEquals(fixture.rows("recorded.db", sql), fixture.rows("replayed.db", sql), view);
        }
        List<List<Object>> trace = fixture.rows("recorded.db", TRACE);
        assertEquals(trace, fixture.rows("replayed.db", TRACE));
        assertEquals(6, trace.size(), "every statement of the four agents is traced");
        try (Workspace recordedDb = fixture.engine.openReadOnly(fixture.path("recorded.db"));
             Workspace replayedDb = fixture.engine.openReadOnly(fixture.path("replayed.db"))) {
            assertEquals(Set.copyOf(recordedDb.views()), Set.copyOf(replayedDb.views()));
            assertTrue(replayedDb.views().containsAll(VIEWS), replayedDb.views().toString());
        }
    }

    private static RunSummary runWith(RunFixture fixture, LlmClient llm, String output) {
        RunRequest request = new RunRequest(SpecRequest.of(Diamond.MODULE, fixture.dir), fixture.path(output), false,
                RunOptions.defaults(RunFixture.MODEL));
        return new RunWorkspace(fixture.specs, fixture.workbooks, fixture.engine, llm, fixture.listener(), fixture.clock)
                .run(request, new RunControl());
    }
}
