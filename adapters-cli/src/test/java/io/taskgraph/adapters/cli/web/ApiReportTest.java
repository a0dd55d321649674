package io.taskgraph.adapters.cli.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished run's report and cost over the API, on the server {@code taskgraph serve} wires (python3 specs, DuckDB,
 * the LLM client talking to a scripted OpenAI-compatible server that reports {@code usage.cost} as OpenRouter does).
 */
class ApiReportTest {
    private static final List<String> TASKS = List.of("summarize", "top_earners", "report");

    @TempDir
    static Path temp;
    static WebFixture web;
    /** A run of specs.main whose every model call cost $0.0015: two calls per task, three tasks. */
    static String priced;
    static JsonNode pricedResult;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start(temp);
        web.llm.reportCost("0.0015");
        priced = web.startRun("specs.main");
        pricedResult = web.awaitResult(priced);
        web.llm.reportNoCost();
        assertEquals("succeeded", pricedResult.get("state").asText(), pricedResult.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static Path database(String runId) {
        return web.server.runsDirectory().resolve(runId).resolve("output.db");
    }

    @Test
    void theReportOfAFinishedRunIsTheReviewPageOfItsDbNamingEveryTaskAndTheCost() throws Exception {
        Path db = database(priced);
        byte[] before = Files.readAllBytes(db);
        FileTime modified = Files.getLastModifiedTime(db);

        HttpResponse<String> response = web.get(pricedResult.get("report_url").asText());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("/api/run/" + priced + "/report", pricedResult.get("report_url").asText());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("inline; filename=\"taskgraph-" + priced + "-report.html\"; filename*=UTF-8''taskgraph-" + priced
                        + "-report.html", response.headers().firstValue("Content-Disposition").orElse(""),
                "shown in the browser, saved under a name of its own");
        String html = response.body();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(200, html.length())));
        assertTrue(html.contains("<title>Taskgraph run report: output.db</title>"), "the page taskgraph report writes");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
                "self-contained: it may load nothing");
        for (String task : TASKS) {
            assertTrue(html.contains("id=\"task-" + task + "\""), task + " has its section");
        }
        assertTrue(html.contains("<dt>Cost</dt><dd>$0.009 as reported by the model server</dd>"), "the run's total");
        assertEquals(3, html.split("<dt>Cost</dt><dd>\\$0\\.003</dd>", -1).length - 1, "each task's cost");
        assertTrue(html.contains("CREATE VIEW department_report AS SELECT"), "the SQL of an output view");
        assertArrayEquals(before, Files.readAllBytes(db), "the .db is only read");
        assertEquals(modified, Files.getLastModifiedTime(db));
    }

    @Test
    void theResultCarriesTheReportedCostPerTaskAndInTotalFormattedAsTheTerminalDoes() {
        assertEquals("$0.009", pricedResult.get("cost").asText());
        assertEquals(0.009, pricedResult.get("usage").get("cost").asDouble(), 1e-12);
        List<String> costs = new ArrayList<>();
        pricedResult.get("tasks").forEach(t -> costs.add(t.get("task").asText() + " " + t.get("cost").asText() + " "
                + t.get("tokens").get("cost").asText()));
        assertEquals(List.of("summarize $0.003 0.003", "top_earners $0.003 0.003", "report $0.003 0.003"), costs);
        assertEquals(pricedResult, json(web.get("/api/run/" + priced)).get("result"), "the status holds the same result");
    }

    @Test
    void aServerThatReportsNoCostShowsNoneInTheResultOrTheReport() {
        String runId = web.startRun("specs.main");
        JsonNode result = web.awaitResult(runId);

        assertEquals("succeeded", result.get("state").asText(), result.toString());
        assertTrue(result.get("cost").isNull(), result.toString());
        assertTrue(result.get("usage").get("cost").isNull(), result.toString());
        result.get("tasks").forEach(t -> {
            assertTrue(t.get("cost").isNull(), t.toString());
            assertTrue(t.get("tokens").get("cost").isNull(), t.toString());
        });
        HttpResponse<String> report = web.get(result.get("report_url").asText());
        assertEquals(200, report.statusCode(), report.body());
        assertFalse(report.body().contains("Cost") || report.body().contains("$0"), "no cost figure anywhere");
    }

    @Test
    void anInterruptedRunHasAReportToo() throws Exception {
        web.llm.hold("summarize", 1);
        String runId = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);
        web.send(java.net.http.HttpRequest.newBuilder(web.uri("/api/run/" + runId + "/cancel"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        web.llm.release("summarize", 1);
        JsonNode result = web.awaitResult(runId);
        assertEquals("interrupted", result.get("state").asText(), result.toString());

        HttpResponse<String> report = web.get(result.get("report_url").asText());

        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("Interrupted"), "the report says the run was interrupted");
        assertTrue(report.body().contains("id=\"task-summarize\""));
    }

    @Test
    void aRunStillRunningHasNoReportYetAndSaysWhen() throws Exception {
        web.llm.hold("summarize", 1);
        String runId = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);
        try {
            HttpResponse<String> response = web.get("/api/run/" + runId + "/report");

            assertEquals(409, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("Run " + runId + " is still running; its report can be fetched once it has finished (the "
                    + "stream's 'done' event).", json(response).get("error").asText());
        } finally {
            web.llm.release("summarize", 1);
        }
        assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
        assertEquals(200, web.get("/api/run/" + runId + "/report").statusCode(), "once finished, it has one");
    }

    @Test
    void anUnknownRunHasNoReport() {
        HttpResponse<String> response = web.get("/api/run/0123456789abcdef/report");

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("No run with id '0123456789abcdef' on this server; POST /api/run starts one (a server keeps its "
                + "last 20 finished runs, and forgets them all when it stops).", json(response).get("error").asText());
    }

    @Test
    void aRunThatWroteNoDbHasNoReportAndSaysWhy() {
        String runId = web.startRun("specs.broken");
        JsonNode result = web.awaitResult(runId);
        assertEquals("error", result.get("state").asText(), result.toString());
        assertTrue(result.get("report_url").isNull(), "the page offers no report: " + result);

        HttpResponse<String> response = web.get("/api/run/" + runId + "/report");

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("Run " + runId + " wrote no .db file (error), so there is nothing to report; its stream's log "
                + "says why.", json(response).get("error").asText());
    }
}
