package io.taskgraph.adapters.cli.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.adapters.cli.e2e.WorkspaceFile;
import io.taskgraph.adapters.web.Multipart;
import io.taskgraph.adapters.web.SseEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's happy paths over real HTTP, on the real pipeline (python3 specs, DuckDB, the LLM client). */
class ApiRunTest {
    @TempDir
    static Path temp;
    static WebFixture web;
    /** One finished run of specs.main that the read-only tests share (each run costs seconds). */
    static String finished;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start(temp);
        finished = web.startRun("specs.main");
        web.awaitResult(finished);
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static List<String> names(List<SseEvent> events) {
        return events.stream().map(SseEvent::event).toList();
    }

    private static List<String> logLines(List<SseEvent> events) {
        return events.stream().filter(e -> e.event().equals("log")).map(SseEvent::data).toList();
    }

    @Test
    void specsListsTheWorkingDirectorysModulesAndTheBuiltInExamples() {
        HttpResponse<String> response = web.get("/api/specs");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        json(response).forEach(spec -> byId.put(spec.get("id").asText(), spec));
        assertEquals(List.of("specs.main", "specs.broken", "specs.failing", "specs.uploads", "webtest.greeting.main",
                        "examples.specs.minimal", "examples.specs.diamond", "examples.specs.reconcile", "examples.specs.orders_jan", "examples.specs.orders_feb"),
                List.copyOf(byId.keySet()), "the discovered specs.main first, then specs/, then built-ins");
        assertEquals("specs/uploads.py", byId.get("specs.uploads").get("path").asText());
        assertEquals("workspace", byId.get("specs.uploads").get("source").asText());
        assertEquals("builtin", byId.get("webtest.greeting.main").get("source").asText());
    }

    @Test
    void aSpecsTasksAreListedForThePagesSelection() {
        HttpResponse<String> response = web.get("/api/specs/specs.main/tasks");

        assertEquals(200, response.statusCode(), response.body());
        List<String> tasks = new ArrayList<>();
        json(response).get("tasks").forEach(t -> tasks.add(t.get("name").asText() + " <- " + t.get("depends_on")));
        assertEquals(List.of("summarize <- []", "top_earners <- []", "report <- [\"summarize\",\"top_earners\"]"), tasks);
        assertEquals("[\"greet\"]", json(web.get("/api/specs/webtest.greeting.main/tasks")).get("tasks")
                .findValues("name").toString(), "a built-in spec is read from a copy, like its runs");
        JsonNode broken = json(web.get("/api/specs/specs.broken/tasks"));
        assertEquals("[\"Task 'orphan' reads input 'missing_table', which is neither an ingested table [] nor an output "
                + "of another task.\"]", broken.get("problems").toString(), "what would stop its run, said up front");
    }

    @Test
    void aRunOfSelectedTasksRunsOnlyThemAndWhatTheyNeedAndReportsTheRestAsNotSelected() {
        int summarize = web.llm.requestsFor("summarize");
        int topEarners = web.llm.requestsFor("top_earners");
        int report = web.llm.requestsFor("report");

        String runId = web.startRun(new Multipart().field("spec_id", "specs.main").field("select", "top_earners"));
        List<SseEvent> events = web.stream(runId);

        assertEquals(summarize, web.llm.requestsFor("summarize"), "not selected: its agent was never called");
        assertEquals(report, web.llm.requestsFor("report"), "not selected: its agent was never called");
        assertEquals(topEarners + 2, web.llm.requestsFor("top_earners"), "selected: its agent ran (two model calls)");
        assertTrue(logLines(events).contains("summarize: not selected"), logLines(events).toString());
        assertTrue(logLines(events).contains("report: not selected"), logLines(events).toString());
        assertTrue(logLines(events).contains("warning: Exports were not written: they need every task, and 2 of 3 were "
                + "not selected."), logLines(events).toString());
        JsonNode result = json(events.get(events.size() - 1).data());
        assertEquals("succeeded", result.get("state").asText(), "only what ran counts, and it passed");
        assertEquals(0, result.get("exit_code").asInt());
        assertEquals("Done: 1 of 1 selected task passed (2 not selected).", result.get("verdict").asText());
        List<String> statuses = new ArrayList<>();
        result.get("tasks").forEach(t -> statuses.add(t.get("task").asText() + ":" + t.get("status").asText()));
        assertEquals(List.of("summarize:not selected", "top_earners:passed", "report:not selected"), statuses);
        assertEquals(0, result.get("exports").size());
        assertEquals("[\"top_earners\"]", json(web.get("/api/run/" + runId)).get("select").toString());
    }

    @Test
    void aSelectionOfAnUnknownTaskIsRefusedWithTheSpecsTasksBeforeAnythingRuns() {
        int calls = web.llm.requests();
        int runs = json(web.get("/api/runs")).size();

        HttpResponse<String> response = web.post(new Multipart().field("spec_id", "specs.main")
                .field("select", "summarise+"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("No task named 'summarise' in the selection (did you mean 'summarize'?); the spec's tasks are "
                + "summarize, top_earners, report.", json(response).get("error").asText());
        assertEquals(calls, web.llm.requests());
        assertEquals(runs, json(web.get("/api/runs")).size(), "no run was started");
    }

    @Test
    void aRunStreamsLogLinesAndTaskStatesThenDoneAndAResult() {
        String runId = web.startRun(new Multipart().field("spec_id", "specs.main").field("model", "test/model-a")
                .field("reasoning_effort", "medium"));

        List<SseEvent> events = web.stream(runId);

        List<String> names = names(events);
        assertEquals(List.of("done", "result"), names.subList(names.size() - 2, names.size()));
        assertTrue(logLines(events).get(0).startsWith("Starting run " + runId + ": spec specs.main, model test/model-a, "
                + "reasoning effort medium"), logLines(events).get(0));
        assertTrue(logLines(events).contains("Running specs.main -> output.db with test/model-a: 3 tasks"),
                logLines(events).toString());
        assertTrue(logLines(events).stream().anyMatch(l -> l.startsWith("ingested employees: 6 rows")));
        assertTrue(logLines(events).stream().anyMatch(l -> l.startsWith("summarize: SQL ok, 0 rows")
                && l.contains("CREATE VIEW department_summary")), logLines(events).toString());
        assertTrue(logLines(events).stream().anyMatch(l -> l.startsWith("summarize: passed (2 iterations, 1 tool call, "
                + "240 tokens, ")), logLines(events).toString());
        assertTrue(logLines(events).contains("export summary.csv: wrote summary.csv"), logLines(events).toString());
        List<String> last = logLines(events).subList(logLines(events).size() - 2, logLines(events).size());
        assertEquals("Done: 3 of 3 tasks passed.", last.get(0), "the verdict ends the console, as in the terminal");
        assertTrue(last.get(1).startsWith("    Total: 6 iterations, 3 tool calls, 720 tokens, "), last.get(1));

        JsonNode graph = json(events.stream().filter(e -> e.event().equals("graph")).findFirst().orElseThrow().data());
        assertEquals(3, graph.get("tasks").size());
        JsonNode waiting = graph.get("tasks").get(2);
        assertEquals("waiting", waiting.get("state").asText());
        assertEquals("[\"summarize\",\"top_earners\"]", waiting.get("waiting_for").toString());
        assertEquals("for summarize, top_earners", waiting.get("detail").asText());
        assertEquals("[{\"from\":\"summarize\",\"to\":\"report\"},{\"from\":\"top_earners\",\"to\":\"report\"}]",
                graph.get("edges").toString());

        List<JsonNode> reportStates = events.stream().filter(e -> e.event().equals("task")).map(e -> json(e.data()))
                .filter(t -> t.get("task").asText().equals("report")).toList();
        List<String> stages = new ArrayList<>();
        reportStates.forEach(t -> {
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(t.get("state").asText())) {
                stages.add(t.get("state").asText());
            }
        });
        assertEquals(List.of("waiting", "running", "passed"), stages, "waits while its dependencies pass, then runs");
        assertEquals(1, reportStates.get(0).get("waiting_for").size(), "one dependency passed, one to go: " + reportStates.get(0));
        JsonNode lastReport = reportStates.get(reportStates.size() - 1);
        assertEquals("passed", lastReport.get("state").asText());
        assertEquals(1, lastReport.get("sql_count").asInt());
        assertEquals(240, lastReport.get("tokens").asLong(), "two model calls of 120 tokens");
        assertTrue(lastReport.get("detail").asText().startsWith("2 iterations · 1 SQL · 240 tokens · "), lastReport.toString());
        assertEquals(lastReport.get("detail").asText(), "2 iterations · 1 SQL · 240 tokens · " + lastReport.get("elapsed").asText(),
                "the time in the detail is the task's elapsed, in the one duration format");

        assertEquals("{\"state\":\"succeeded\",\"exit_code\":0}", events.get(events.size() - 2).data());
        JsonNode result = json(events.get(events.size() - 1).data());
        assertEquals(runId, result.get("run_id").asText());
        assertEquals("succeeded", result.get("state").asText());
        assertEquals(0, result.get("exit_code").asInt());
        assertEquals("Done: 3 of 3 tasks passed.", result.get("verdict").asText());
        assertEquals(last.get(1).strip(), result.get("totals").asText());
        JsonNode summarize = result.get("tasks").get(0);
        assertEquals("summarize", summarize.get("task").asText());
        assertEquals("passed", summarize.get("status").asText());
        assertEquals(2, summarize.get("iterations").asInt());
        assertEquals(1, summarize.get("tool_calls").asInt());
        assertEquals(240, summarize.get("tokens").get("total").asLong());
        assertTrue(summarize.get("elapsed_s").asDouble() >= 0);
        assertEquals(720, result.get("usage").get("total").asLong());
        assertEquals("summary.csv", result.get("exports").get(0).get("name").asText());
        assertTrue(result.get("exports").get(0).get("ok").asBoolean());
        List<String> views = new ArrayList<>();
        result.get("views").forEach(v -> views.add(v.asText()));
        assertEquals(List.of("department_report", "department_summary", "top_earners"), views);
        assertTrue(web.llm.models().contains("test/model-a"));
    }

    @Test
    void statusShowsTheRunsTasksAndTheEdgesToDrawTheGraph() {
        String runId = finished;

        JsonNode status = json(web.get("/api/run/" + runId));

        assertEquals(runId, status.get("run_id").asText());
        assertEquals("specs.main", status.get("spec_id").asText());
        assertEquals("openai/gpt-5.2", status.get("model").asText());
        assertEquals("low", status.get("reasoning_effort").asText());
        assertEquals("succeeded", status.get("state").asText());
        assertEquals(List.of("summarize:passed", "top_earners:passed", "report:passed"), tasks(status));
        assertEquals("[\"summarize\",\"top_earners\"]", status.get("tasks").get(2).get("depends_on").toString());
        assertEquals(2, status.get("edges").size());
        assertEquals("succeeded", status.get("result").get("state").asText());
    }

    private static List<String> tasks(JsonNode status) {
        List<String> tasks = new ArrayList<>();
        status.get("tasks").forEach(t -> tasks.add(t.get("task").asText() + ":" + t.get("state").asText()));
        return tasks;
    }

    @Test
    void theDatabaseDownloadIsTheRunsDuckDbWorkspace() throws Exception {
        String runId = finished;

        HttpResponse<byte[]> db = web.getBytes("/api/run/" + runId + "/download/db");

        assertEquals(200, db.statusCode());
        assertEquals("attachment; filename=\"taskgraph-" + runId + ".db\"; filename*=UTF-8''taskgraph-" + runId + ".db",
                db.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("DUCK", new String(db.body(), 8, 4, StandardCharsets.US_ASCII), "DuckDB's file magic");
        Path copy = temp.resolve("downloaded-" + runId + ".db");
        Files.write(copy, db.body());
        assertEquals(List.of(List.of("Engineering", "3", "360000"), List.of("HR", "1", "85000"),
                List.of("Sales", "2", "185000")), WorkspaceFile.query(copy,
                        "SELECT department, headcount, total_salary FROM department_summary ORDER BY 1"));
    }

    @Test
    void exportsAreListedAndDownloadable() {
        String runId = finished;

        JsonNode exports = json(web.get("/api/run/" + runId + "/exports"));

        assertEquals(1, exports.size());
        assertEquals("summary.csv", exports.get(0).get("name").asText());
        String url = exports.get(0).get("url").asText();
        assertEquals("/api/run/" + runId + "/download/export/summary.csv", url);
        HttpResponse<String> csv = web.get(url);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("department,headcount,total_salary\nEngineering,3,360000\nHR,1,85000\nSales,2,185000\n",
                csv.body().replace("\r\n", "\n"));
        assertEquals(csv.body().getBytes(StandardCharsets.UTF_8).length, exports.get(0).get("size").asLong());
    }

    @Test
    void previewShowsTheFirstRowsOfAnOutputView() {
        String runId = finished;

        JsonNode preview = json(web.get("/api/run/" + runId + "/preview/department_report?limit=2"));

        assertEquals("department_report", preview.get("view").asText());
        assertEquals("[\"department\",\"headcount\",\"top_earner\"]", preview.get("columns").toString());
        assertEquals("[[\"Engineering\",3,\"Eve\"],[\"HR\",1,\"Frank\"]]", preview.get("rows").toString());
        assertTrue(preview.get("truncated").asBoolean());
        JsonNode all = json(web.get("/api/run/" + runId + "/preview/department_report"));
        assertEquals(3, all.get("rows").size());
        assertFalse(all.get("truncated").asBoolean());
    }

    @Test
    void uploadedFilesLandInTheRunsDataFolderWhereTheSpecReadsThem() throws Exception {
        String runId = web.startRun(new Multipart().field("spec_id", "specs.uploads")
                .file("sales.csv", "region,amount\nnorth,10\nsouth,5\nnorth,7\n"));

        List<SseEvent> events = web.stream(runId);

        assertEquals("succeeded", json(events.get(events.size() - 1).data()).get("state").asText(),
                logLines(events).toString());
        assertTrue(logLines(events).contains("spec: reading sales.csv"), logLines(events).toString());
        Path data = web.server.runsDirectory().resolve(runId).resolve("data");
        assertEquals("region,amount\nnorth,10\nsouth,5\nnorth,7\n", Files.readString(data.resolve("sales.csv")));
        assertEquals("[\"sales.csv\"]", json(web.get("/api/run/" + runId)).get("uploads").toString());
        assertEquals("[[\"north\",17],[\"south\",5]]",
                json(web.get("/api/run/" + runId + "/preview/region_totals")).get("rows").toString());
    }

    @Test
    void aBuiltInSpecRunsFromItsCopyInTheRunFolder() throws Exception {
        String runId = web.startRun("webtest.greeting.main");

        JsonNode result = web.awaitResult(runId);

        assertEquals("succeeded", result.get("state").asText(), result.toString());
        assertTrue(Files.isRegularFile(web.server.runsDirectory().resolve(runId).resolve("spec/webtest/greeting/main.py")));
        assertEquals("[[\"Ada\",\"hello, Ada\"],[\"Grace\",\"hi, Grace\"]]",
                json(web.get("/api/run/" + runId + "/preview/greetings")).get("rows").toString());
    }

    @Test
    void aSpecThatCannotRunEndsInTheErrorStateWithTheLoadersMessage() {
        String runId = web.startRun("specs.broken");

        List<SseEvent> events = web.stream(runId);

        List<String> lines = logLines(events);
        String error = lines.get(lines.size() - 1);
        assertTrue(error.startsWith("error: ") && error.contains("missing_table"), error);
        assertEquals(List.of("log", "done", "result"), names(events).subList(events.size() - 3, events.size()));
        JsonNode result = json(events.get(events.size() - 1).data());
        assertEquals("error", result.get("state").asText());
        assertEquals(2, result.get("exit_code").asInt());
        assertEquals(error.substring("error: ".length()), result.get("error").asText());
        HttpResponse<String> db = web.get("/api/run/" + runId + "/download/db");
        assertEquals(404, db.statusCode());
        assertTrue(json(db).get("error").asText().contains("wrote no .db file"), db.body());
    }

    @Test
    void aClientThatConnectsLateGetsTheHistoryThenTheLiveEvents() throws Exception {
        web.llm.hold("summarize", 1);
        String runId = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);

        JsonNode running = json(web.get("/api/run/" + runId));
        assertEquals("running", running.get("state").asText());
        assertTrue(tasks(running).contains("summarize:running"), tasks(running).toString());
        assertEquals(409, web.get("/api/run/" + runId + "/download/db").statusCode());
        HttpResponse<String> preview = web.get("/api/run/" + runId + "/preview/department_summary");
        assertEquals(409, preview.statusCode());
        assertTrue(json(preview).get("error").asText().contains("is still running"), preview.body());

        var late = java.util.concurrent.CompletableFuture.supplyAsync(() -> web.stream(runId));
        Thread.sleep(300);
        assertFalse(late.isDone(), "the stream stays open while the run is running");
        web.llm.release("summarize", 1);
        List<SseEvent> events = late.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(logLines(events).get(0).startsWith("Starting run " + runId), "history first");
        assertEquals(List.of("done", "result"), names(events).subList(events.size() - 2, events.size()));
        assertEquals("succeeded", json(events.get(events.size() - 1).data()).get("state").asText());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(String.valueOf(i), events.get(i).id(), "ids number the journal without gaps");
        }
    }

    @Test
    void aFinishedRunReplaysItsWholeStreamAndAReconnectResumesAfterTheLastEventItSaw() {
        String runId = finished;
        List<SseEvent> first = web.stream(runId);

        assertEquals(first, web.stream(runId), "a finished run replays everything, then closes");
        List<SseEvent> resumed = web.stream(runId, "4");
        assertEquals(first.subList(5, first.size()), resumed);
    }

    @Test
    void twoRunsExecuteAtTheSameTimeEachInItsOwnFolder() throws Exception {
        web.llm.hold("summarize", 1);
        String slow = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);

        String quick = web.startRun(new Multipart().field("spec_id", "specs.uploads")
                .file("sales.csv", "region,amount\neast,1\n"));
        JsonNode quickResult = web.awaitResult(quick);

        assertEquals("succeeded", quickResult.get("state").asText());
        assertEquals("running", json(web.get("/api/run/" + slow)).get("state").asText(),
                "the first run is still going while the second finished");
        web.llm.release("summarize", 1);
        assertEquals("succeeded", web.awaitResult(slow).get("state").asText());
        Path runs = web.server.runsDirectory();
        assertTrue(Files.isRegularFile(runs.resolve(slow).resolve("output.db")));
        assertTrue(Files.isRegularFile(runs.resolve(quick).resolve("output.db")));
        assertTrue(Files.isRegularFile(runs.resolve(quick).resolve("data/sales.csv")));
        assertFalse(Files.exists(runs.resolve(slow).resolve("data/sales.csv")));
        List<String> listed = new ArrayList<>();
        json(web.get("/api/runs")).forEach(r -> listed.add(r.get("run_id").asText()));
        assertTrue(listed.containsAll(List.of(slow, quick)), listed.toString());
    }

    @Test
    void cancellingARunEndsItAsInterrupted() throws Exception {
        int reportCalls = web.llm.requestsFor("report");
        web.llm.hold("summarize", 1);
        String runId = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);

        HttpResponse<String> cancel = web.send(java.net.http.HttpRequest.newBuilder(web.uri("/api/run/" + runId + "/cancel"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, cancel.statusCode(), cancel.body());
        web.llm.release("summarize", 1);
        JsonNode result = web.awaitResult(runId);

        assertEquals("interrupted", result.get("state").asText(), result.toString());
        assertEquals(1, result.get("exit_code").asInt());
        Map<String, String> states = new java.util.HashMap<>();
        result.get("tasks").forEach(t -> states.put(t.get("task").asText(), t.get("status").asText()));
        assertEquals("interrupted", states.get("report"), "a task that had not started is not started: " + states);
        assertEquals(reportCalls, web.llm.requestsFor("report"), "no model call for a task after the cancellation");
    }
}
