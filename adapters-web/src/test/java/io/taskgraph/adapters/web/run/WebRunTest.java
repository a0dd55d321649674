package io.taskgraph.adapters.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web run renders the run model: its console lines, task events, status and result, for a scripted run. */
class WebRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    private WebRun run() {
        WebRun run = new WebRun("r1", new RunSettings("specs.main", ScriptedRun.MODEL, ReasoningEffort.MEDIUM),
                new RunFolder(root), List.of(), clock);
        run.started("Starting run r1");
        return run;
    }

    private static List<RunJournal.Event> events(WebRun run) throws InterruptedException {
        return run.journal().read(0, Duration.ZERO).entries().stream().map(RunJournal.Entry::event).toList();
    }

    private static List<String> named(WebRun run, String name) throws InterruptedException {
        return events(run).stream().filter(e -> e.name().equals(name)).map(RunJournal.Event::data).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private void play(WebRun run, List<RunEvent> events) {
        ScriptedRun.play(events, run.listener(), clock, Duration.ofMillis(1500));
    }

    /** A run told by {@code events}, the last of which is its end, completed as the launcher completes it. */
    private WebRun finished(List<RunEvent> events, List<String> views) {
        WebRun run = run();
        play(run, events);
        run.complete(((RunEvent.RunFinished) events.get(events.size() - 1)).summary(), views);
        return run;
    }

    @Test
    void theConsoleHasTheRunModelsLineForEveryEventAndEndsWithTheVerdict() throws Exception {
        WebRun run = finished(ScriptedRun.withFailure(root), List.of("prepared_sales"));

        assertEquals(List.of(
                "Starting run r1",
                "Running my_app.specs.main -> out.db with openai/gpt-5.2: 4 tasks",
                "warning: spec has uncommitted changes",
                "ingested transactions: 1200 rows (40ms)",
                "prep: started (agent)",
                "prep: iteration 1 (0 tokens so far)",
                "prep: SQL ok, 5 rows, 3ms: SELECT * FROM transactions LIMIT 5",
                "prep: SQL error: Only views and macros may be created.: CREATE TABLE t AS SELECT 1",
                "prep: iteration 2 (1.0k tokens so far)",
                "prep: validation failed: View 'prepared_sales' does not exist.",
                "    View 'prepared_costs' does not exist.",
                "prep: model call failed (HTTP 429 rate limited); retry 1 in 3.0s",
                "prep: passed (3 iterations, 4 tool calls, 1.2k tokens, 4.9s)",
                "sales: started (agent)",
                "costs: started (agent)",
                "sales: passed (2 iterations, 2 tool calls, 600 tokens, 1.2s)",
                "costs: failed: iteration budget of 200 model calls spent (200 iterations, 412 tool calls, 2.1M tokens, 3m12s)",
                "    last validation: View 'costs_summary' does not exist.",
                "report: blocked: Not run because upstream task 'costs' failed.",
                "Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked).",
                "    Total: 205 iterations, 418 tool calls, 2.1M tokens, 3m20s."), named(run, StreamEvents.LOG));
        List<String> names = events(run).stream().map(RunJournal.Event::name).toList();
        assertEquals(List.of("log", "done", "result"), names.subList(names.size() - 3, names.size()));
        assertEquals("{\"state\":\"failed\",\"exit_code\":1}", named(run, StreamEvents.DONE).get(0));
    }

    @Test
    void theGraphAndEveryTaskChangeAreStreamedAsTheRunModelSeesThem() throws Exception {
        WebRun run = run();
        play(run, ScriptedRun.withFailure(root));

        JsonNode graph = json(named(run, StreamEvents.GRAPH).get(0));
        assertEquals("[{\"from\":\"prep\",\"to\":\"sales\"},{\"from\":\"prep\",\"to\":\"costs\"},"
                + "{\"from\":\"sales\",\"to\":\"report\"},{\"from\":\"costs\",\"to\":\"report\"}]", graph.get("edges").toString());
        assertEquals("for sales, costs", graph.get("tasks").get(3).get("detail").asText());

        List<String> changes = new ArrayList<>();
        named(run, StreamEvents.TASK).stream().map(WebRunTest::json)
                .forEach(t -> changes.add(t.get("task").asText() + ":" + t.get("state").asText()));
        assertEquals(List.of("prep:running", "prep:running", "prep:running", "prep:running", "prep:running",
                "prep:running", "prep:running", "prep:passed", "sales:waiting", "costs:waiting", "sales:running",
                "costs:running", "sales:passed", "report:waiting", "costs:failed", "report:blocked"), changes);

        JsonNode retrying = json(named(run, StreamEvents.TASK).get(6));
        assertEquals("iteration 2 · 2 SQL (1 failed) · 1.0k tokens · 9.0s · model call retry 1 in 3.0s",
                retrying.get("detail").asText());
        assertEquals("model call retry 1 in 3.0s", retrying.get("note").asText());
        assertEquals(9.0, retrying.get("elapsed_s").asDouble());
        assertEquals("9.0s", retrying.get("elapsed").asText());
        assertEquals(1000, retrying.get("tokens").asLong());
        assertEquals(1, retrying.get("failed_sql").asInt());
        assertEquals("[\"View 'prepared_sales' does not exist.\",\"View 'prepared_costs' does not exist.\"]",
                retrying.get("failures").toString());

        assertEquals("for costs", json(named(run, StreamEvents.TASK).get(13)).get("detail").asText());
        JsonNode blocked = json(named(run, StreamEvents.TASK).get(15));
        assertEquals("[\"costs\"]", blocked.get("blocked_by").toString());
        assertEquals("Not run because upstream task 'costs' failed.", blocked.get("detail").asText());
    }

    @Test
    void theStatusShowsRunningTasksTimeUpToNow() throws Exception {
        WebRun run = run();
        play(run, ScriptedRun.withFailure(root).subList(0, 4));
        clock.advance(Duration.ofSeconds(10));

        JsonNode status = json(Json.write(run.statusJson()));

        assertEquals("running", status.get("state").asText());
        JsonNode prep = status.get("tasks").get(0);
        assertEquals("running", prep.get("state").asText());
        assertEquals("11.5s", prep.get("elapsed").asText(), "started 1.5 s before the last event, 10 s ago");
        assertEquals("starting · 0 SQL · 0 tokens · 11.5s", prep.get("detail").asText());
        assertEquals("waiting", status.get("tasks").get(1).get("state").asText());
        assertEquals(4, status.get("edges").size());
    }

    @Test
    void theResultCarriesTheVerdictTotalsAndEveryTaskInTheTerminalsWords() throws Exception {
        WebRun run = finished(ScriptedRun.passingWithExport(root), List.of("report"));

        JsonNode result = json(named(run, StreamEvents.RESULT).get(0));
        assertEquals("succeeded", result.get("state").asText());
        assertEquals("Done: 1 of 1 task passed.", result.get("verdict").asText());
        assertEquals("Total: 1 iteration, 1 tool call, 15 tokens, 1.0s.", result.get("totals").asText());
        assertEquals("1.0s", result.get("elapsed").asText());
        assertEquals(1.0, result.get("elapsed_s").asDouble());
        JsonNode prep = result.get("tasks").get(0);
        assertEquals("passed", prep.get("status").asText());
        assertEquals(1, prep.get("iterations").asInt());
        assertEquals(15, prep.get("tokens").get("total").asLong());
        assertEquals("300ms", prep.get("elapsed").asText());
        assertEquals("1 iteration · 0 SQL · 15 tokens · 300ms", prep.get("detail").asText());
        assertEquals("report.csv", result.get("exports").get(0).get("name").asText());
        assertEquals("/api/run/r1/download/export/report.csv", result.get("exports").get(0).get("url").asText());
        assertTrue(named(run, StreamEvents.LOG).contains("export report.csv: wrote exports/report.csv"));
    }

    @Test
    void aRunWhoseEngineReportedNoEndStillGetsItsVerdictAndResult() throws Exception {
        WebRun run = run();
        List<RunEvent> events = ScriptedRun.passingWithExport(root);
        play(run, events.subList(0, events.size() - 1));
        RunSummary summary = ((RunEvent.RunFinished) events.get(events.size() - 1)).summary();

        run.complete(summary, List.of());

        assertTrue(named(run, StreamEvents.LOG).contains("Done: 1 of 1 task passed."));
        assertEquals("Done: 1 of 1 task passed.", json(named(run, StreamEvents.RESULT).get(0)).get("verdict").asText());
    }
}
