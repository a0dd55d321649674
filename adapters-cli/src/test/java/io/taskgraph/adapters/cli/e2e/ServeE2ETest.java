package io.taskgraph.adapters.cli.e2e;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import io.taskgraph.adapters.cli.web.Chromium;
import io.taskgraph.adapters.web.SseEvent;
import io.taskgraph.adapters.web.WebClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code taskgraph serve} from the real jar: it serves the API, runs what {@code run} runs (here the bundled demo
 * and recorded answers, with no key and no model reachable), and stops cleanly on SIGTERM leaving nothing behind.
 */
@Tag("e2e")
class ServeE2ETest {
    /** A model URL where nothing listens: any model call would fail. */
    private static final String UNREACHABLE_MODEL = "http://127.0.0.1:9/v1";
    private static final Pattern LISTENING = Pattern.compile("Taskgraph web app on (\\S+) \\(runs in ([^)]+)\\)");
    private static final List<List<String>> PROFIT_REPORT = List.of(
            List.of("2026-01-01", "1366.10", "599.80", "766.30"),
            List.of("2026-02-01", "799.90", "2403.00", "-1603.10"),
            List.of("2026-03-01", "1407.40", "983.39", "424.01"));

    @TempDir
    Path dir;

    /** A started server: its process, address and runs folder. */
    private record Served(Taskgraph.Running running, URI url, Path runs) {
        WebClient client() {
            return new WebClient(url);
        }

        Taskgraph.Result stop() throws Exception {
            new ProcessBuilder("kill", "-TERM", Long.toString(running.process().pid())).start().waitFor();
            return running.finish();
        }
    }

    private static Served serve(Taskgraph taskgraph, String... args) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> line = new java.util.ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        line.addAll(List.of(args));
        Taskgraph.Running running = taskgraph.start(line.toArray(String[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Matcher listening = LISTENING.matcher(running.outSoFar());
            if (listening.find()) {
                assertEquals("http://127.0.0.1:" + port + "/", listening.group(1));
                return new Served(running, URI.create(listening.group(1)), Path.of(listening.group(2)));
            }
            if (!running.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("server did not start:\n" + running.finish().all());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void serveListensOnTheGivenPortListsTheAppsSpecsAndStopsOnSignalRemovingItsRuns() throws Exception {
        AppDir app = new AppDir(dir);
        app.write("specs/main.py", AppDir.EMPLOYEES);
        Served served = serve(new Taskgraph(dir));
        Taskgraph.Result stopped;
        try {
            HttpResponse<String> specs = served.client().get("/api/specs");
            assertEquals(200, specs.statusCode());
            assertTrue(specs.body().contains("\"id\":\"specs.main\""), specs.body());
            assertTrue(specs.body().contains("\"id\":\"examples.specs.diamond\""), specs.body());
            assertTrue(Files.isDirectory(served.runs()));
        } finally {
            stopped = served.stop();
        }
        assertEquals(143, stopped.exitCode(), stopped.all());
        assertEquals("Taskgraph web app on " + served.url() + " (runs in " + served.runs() + "). Press Ctrl-C to stop.\n",
                stopped.out(), "start-up says where the page is, and nothing else");
        assertEquals("", stopped.err(), "no Jetty or Javalin log lines without --debug");
        assertFalse(Files.exists(served.runs()), "the temporary runs folder is gone:\n" + stopped.all());
    }

    @Test
    void debugShowsTheWebServersOwnLog() throws Exception {
        new AppDir(dir).write("specs/main.py", AppDir.EMPLOYEES);
        Served served = serve(new Taskgraph(dir), "--debug");
        Taskgraph.Result stopped = served.stop();
        assertTrue(stopped.err().contains("INFO io.javalin.Javalin - Listening on " + served.url()), stopped.all());
        assertTrue(stopped.err().contains("INFO org.eclipse.jetty.server.Server"), stopped.all());
    }

    @Test
    void theDemoIsServedOfflineAndRunsThroughTheApiAndInChromiumIntoADbWithItsViews() throws Exception {
        Taskgraph offline = new Taskgraph(dir).env("OPENROUTER_BASE_URL", UNREACHABLE_MODEL);
        Served served = serve(offline, "--demo");
        Taskgraph.Result stopped;
        try {
            WebClient web = served.client();
            String notice = json(web.get("/api/options")).get("replay").get("notice").asText();
            assertTrue(notice.startsWith("Demo: a REPLAY of a recorded run of the diamond example."), notice);
            JsonNode specs = json(web.get("/api/specs"));
            assertEquals(1, specs.size(), specs.toString());
            assertEquals("specs.diamond", specs.get(0).get("id").asText());

            String apiRun = web.startRun("specs.diamond");
            List<SseEvent> events = web.stream(apiRun);
            List<String> names = events.stream().map(SseEvent::event).toList();
            assertEquals(List.of("done", "result"), names.subList(names.size() - 2, names.size()), names.toString());
            JsonNode result = json(events.get(events.size() - 1).data());
            assertEquals("succeeded", result.get("state").asText(), result.toString());
            assertEquals(4, result.get("tasks").size());
            assertEquals(0, json(events.get(events.size() - 2).data()).get("exit_code").asInt());

            try (Chromium chromium = Chromium.start(dir.resolve("chromium"))) {
                chromium.driver.get(served.url().toString());
                WebElement banner = chromium.waitUpTo(10)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-banner")));
                assertEquals(notice, banner.getText());
                chromium.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#spec option[value='specs.diamond']"))
                        .size() == 1);
                new Select(chromium.driver.findElement(By.id("spec"))).selectByValue("specs.diamond");
                assertEquals("taskgraph/demo-replay", chromium.driver.findElement(By.id("model")).getAttribute("value"));
                chromium.driver.findElement(By.id("start")).click();
                chromium.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
                chromium.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#dag .task-node[data-state='passed']"))
                        .size() == 4);
                assertTrue(chromium.driver.findElement(By.id("run-status")).getText().endsWith(": succeeded"));
                chromium.screenshot("serve-demo.png");

                WebElement download = chromium.driver.findElement(By.cssSelector("a.download-db"));
                String href = download.getAttribute("href");
                Matcher id = Pattern.compile("/api/run/([0-9a-f]{16})/download/db$").matcher(href);
                assertTrue(id.find(), href);
                download.click();
                Path db = chromium.awaitDownload("taskgraph-" + id.group(1) + ".db", 30);
                assertEquals(PROFIT_REPORT, WorkspaceFile.query(db, "SELECT * FROM profit_report"));
                assertEquals("\"taskgraph/demo-replay\"", WorkspaceFile.taskMeta(db, "report").get("model"));
            }
        } finally {
            stopped = served.stop();
        }
        assertEquals(143, stopped.exitCode(), stopped.all());
        assertTrue(stopped.out().startsWith("Taskgraph web app on " + served.url() + " (runs in " + served.runs()
                + "), serving the demo with its recorded model answers. Press Ctrl-C to stop.\n"), stopped.all());
    }

    @Test
    void serveRecordsTheLatestRunsAnswersAndAnotherServeReplaysThemWithNoModel() throws Exception {
        AppDir app = new AppDir(dir);
        app.write("specs/main.py", AppDir.EMPLOYEES);
        List<List<String>> recordedRows;
        int modelCalls;
        try (FakeModelServer model = FakeModelServer.start()) {
            model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));
            Served recording = serve(new Taskgraph(dir).model(model), "--llm-record", "session.jsonl");
            try {
                WebClient web = recording.client();
                String runId = web.startRun("specs.main");
                assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
                recordedRows = rowsOf(web, runId, "recorded.db");
            } finally {
                recording.stop();
            }
            modelCalls = model.requests().size();
            assertEquals(2, modelCalls);
            assertEquals(2, Files.readAllLines(app.path("session.jsonl")).size(), "one line per answered call");

            Taskgraph offline = new Taskgraph(dir).env("OPENROUTER_BASE_URL", UNREACHABLE_MODEL);
            Served replaying = serve(offline, "--llm-replay", "session.jsonl");
            Taskgraph.Result stopped;
            try {
                WebClient web = replaying.client();
                assertEquals("REPLAY: the agents' answers come from the recording session.jsonl: no model is called, "
                        + "no API key or network is needed.",
                        json(web.get("/api/options")).get("replay").get("notice").asText());
                String runId = web.startRun("specs.main");
                assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
                assertEquals(recordedRows, rowsOf(web, runId, "replayed.db"));
            } finally {
                stopped = replaying.stop();
            }
            assertEquals(modelCalls, model.requests().size(), "the replay called no model");
            assertTrue(stopped.out().contains("), replaying recorded model answers from session.jsonl (no model is "
                    + "called). Press Ctrl-C to stop."), stopped.all());
        }
        assertEquals(List.of(List.of("Engineering", "3", "360000", "120000.0"), List.of("HR", "1", "85000", "85000.0"),
                List.of("Sales", "2", "185000", "92500.0")), recordedRows);
    }

    @Test
    void aRecordingThatIsNotThereStopsServeBeforeItListens() throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).run("serve", "--port", "0", "--llm-replay", "nope.jsonl");

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: The cassette " + dir.resolve("nope.jsonl") + " does not exist; record one first or "
                + "check the path.\n", r.err());
        assertFalse(r.out().contains("Taskgraph web app on"), r.all());
    }

    /** Downloads run {@code runId}'s .db as {@code name} and reads its department_summary view. */
    private List<List<String>> rowsOf(WebClient web, String runId, String name) throws Exception {
        HttpResponse<byte[]> db = web.getBytes("/api/run/" + runId + "/download/db");
        assertEquals(200, db.statusCode());
        Path file = Files.write(dir.resolve(name), db.body());
        return WorkspaceFile.query(file, "SELECT * FROM department_summary ORDER BY department");
    }
}
