package io.taskgraph.adapters.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.application.run.RunCancelledException;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the server as {@code taskgraph serve} does, and what it serves about itself. */
class WebServerTest {
    @TempDir
    Path temp;

    @Test
    void theServerReportsWhereItListens() throws Exception {
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(1, 10), c -> c.withRunsDirectory(temp.resolve("runs")))) {
            assertTrue(web.server.port() > 0);
            assertEquals("http://127.0.0.1:" + web.server.port() + "/", web.server.url().toString());
            assertEquals(temp.resolve("runs").toAbsolutePath(), web.server.runsDirectory());
            assertFalse(web.server.runsDirectoryIsTemporary());
        }
    }

    @Test
    void aPortInUseIsAUsageErrorThatSaysWhatToDo() throws Exception {
        try (FakeServer first = FakeServer.start(temp, new FakeRuns(1, 10), c -> c)) {
            int port = first.server.port();
            UsageException e = assertThrows(UsageException.class, () -> WebServer.start(
                    WebConfig.of("127.0.0.1", port, temp), FakeServer.services(new FakeRuns(1, 10))));
            assertEquals("Cannot listen on 127.0.0.1:" + port + ": the port is in use or the address is not "
                    + "this machine's. Pick another with --port (or --host).", e.getMessage());
        }
    }

    @Test
    void aBadConfigurationIsRefusedWithTheFix() {
        assertEquals("Port 70000 is not a TCP port; use 1-65535, or 0 for any free port.",
                assertThrows(UsageException.class, () -> WebConfig.of("127.0.0.1", 70000, temp)).getMessage());
        assertEquals("The host to bind must not be empty; use 127.0.0.1.",
                assertThrows(UsageException.class, () -> WebConfig.of(" ", 8000, temp)).getMessage());
        assertEquals("--keep-runs must be at least 1 (got 0): a finished run must stay long enough to download its "
                + "results.", assertThrows(UsageException.class,
                        () -> WebConfig.of("127.0.0.1", 8000, temp).withKeepRuns(0)).getMessage());
    }

    @Test
    void aTemporaryRunsDirectoryIsRemovedWhenTheServerStops() throws Exception {
        FakeServer web = FakeServer.start(temp, new FakeRuns(3, 10), c -> c);
        Path runs = web.server.runsDirectory();
        String runId = web.startRun(FakeServer.SPEC);
        assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
        assertTrue(web.server.runsDirectoryIsTemporary());
        assertTrue(Files.isRegularFile(runs.resolve(runId).resolve(FakeRuns.EXPORT)), "the run wrote into its folder");

        web.close();

        assertFalse(Files.exists(runs), "nothing is left behind in the temporary folder");
    }

    @Test
    void aChosenRunsDirectoryIsKeptWithItsRunsWhenTheServerStops() throws Exception {
        Path chosen = temp.resolve("my-runs");
        FakeServer web = FakeServer.start(temp, new FakeRuns(3, 10), c -> c.withRunsDirectory(chosen));
        String runId = web.startRun(FakeServer.SPEC);
        web.awaitResult(runId);

        web.close();

        assertTrue(Files.isRegularFile(chosen.resolve(runId).resolve(FakeRuns.EXPORT)));
    }

    @Test
    void whenRunsCannotStartAsSetUpTheRequestIsA503WithTheFixAndNoRunExists() throws Exception {
        FakeRuns runs = new FakeRuns(1, 10);
        runs.refuseWith(() -> new LlmException("No OpenRouter API key is set. Set the OPENROUTER_API_KEY "
                + "environment variable.", true));
        try (FakeServer web = FakeServer.start(temp, runs, c -> c)) {
            HttpResponse<String> response = web.post(new Multipart().field("spec_id", FakeServer.SPEC));

            assertEquals(503, response.statusCode(), response.body());
            assertEquals("No OpenRouter API key is set. Set the OPENROUTER_API_KEY environment variable.",
                    json(response).get("error").asText());
            assertEquals("[]", web.get("/api/runs").body());
            assertEquals(0, runs.requests.size());
            try (var folders = Files.list(web.server.runsDirectory())) {
                assertEquals(0, folders.count(), "a refused run leaves no folder");
            }
        }
    }

    @Test
    void aRunThatCannotBeCarriedOutEndsInErrorWithTheExitCodeOfItsCategory() throws Exception {
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(1, 10), c -> c)) {
            web.runs.failRunsWith(() -> new InvalidSpecException("TASKS[0] has no name."));
            JsonNode badSpec = web.awaitResult(web.startRun(FakeServer.SPEC));
            web.runs.failRunsWith(() -> new LlmException("The model server kept failing after 8 attempts.", false));
            JsonNode modelDown = web.awaitResult(web.startRun(FakeServer.SPEC));
            web.runs.failRunsWith(() -> new IllegalStateException("a bug"));
            List<SseEvent> bug = web.stream(web.startRun(FakeServer.SPEC));

            assertEquals("error", badSpec.get("state").asText());
            assertEquals(2, badSpec.get("exit_code").asInt(), "the user can fix the spec, as the CLI's exit 2 says");
            assertEquals("TASKS[0] has no name.", badSpec.get("error").asText());
            assertEquals(1, modelDown.get("exit_code").asInt(), "the model server failed, as the CLI's exit 1 says");
            JsonNode done = json(bug.get(bug.size() - 2).data());
            assertEquals("{\"state\":\"error\",\"exit_code\":1}", done.toString());
            assertEquals("error: Internal error (IllegalStateException: a bug); the server's log has the details.",
                    bug.get(bug.size() - 3).data());
        }
    }

    @Test
    void aRunCancelledBeforeAnyTaskStartedEndsInterruptedNotInError() throws Exception {
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(1, 10), c -> c)) {
            web.runs.failRunsWith(() -> new RunCancelledException(new InvalidSpecException("Stopped the spec's "
                    + "Python process while importing spec module specs.main: the run was cancelled.")));

            JsonNode cancelled = web.awaitResult(web.startRun(FakeServer.SPEC));

            assertEquals("interrupted", cancelled.get("state").asText());
            assertEquals("The run was cancelled before any task started; nothing was kept.",
                    cancelled.get("error").asText());
        }
    }

    @Test
    void theFormsDefaultsComeFromTheServerAndARunGetsWhatTheFormSent() throws Exception {
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(1, 10), c -> c)) {
            JsonNode options = json(web.get("/api/options"));
            assertEquals(RunDefaults.MODEL, options.get("default_model").asText());
            assertEquals(RunDefaults.REASONING_EFFORT.wire(), options.get("default_reasoning_effort").asText());
            assertEquals("[\"low\",\"medium\",\"high\"]", options.get("reasoning_efforts").toString());
            assertEquals(RunDefaults.MODEL, options.get("model_suggestions").get(0).asText());
            assertEquals(WebConfig.DEFAULT_KEEP_RUNS, options.get("keep_runs").asInt());
            assertEquals(RunDefaults.MAX_ITERATIONS, options.get("default_max_iterations").asInt());
            assertEquals(10 * RunDefaults.MAX_ITERATIONS, options.get("max_iterations_limit").asInt());
            assertTrue(options.get("replay").isNull(), "a live server says nothing of a replay");

            web.awaitResult(web.startRun(FakeServer.SPEC));
            String chosenRun = web.startRun(new Multipart().field("spec_id", FakeServer.SPEC)
                    .field("model", "anthropic/claude-sonnet-4").field("reasoning_effort", "high")
                    .field("max_iterations", "25"));
            web.awaitResult(chosenRun);

            RunRequest byDefault = web.runs.requests.get(0);
            assertEquals(RunDefaults.MODEL, byDefault.options().model());
            assertEquals(RunDefaults.REASONING_EFFORT, byDefault.options().effort());
            assertEquals(RunDefaults.MAX_ITERATIONS, byDefault.options().maxIterations());
            RunRequest chosen = web.runs.requests.get(1);
            assertEquals("anthropic/claude-sonnet-4", chosen.options().model());
            assertEquals(ReasoningEffort.HIGH, chosen.options().effort());
            assertEquals(25, chosen.options().maxIterations());
            assertEquals(25, json(web.get("/api/run/" + chosenRun)).get("max_iterations").asInt());
        }
    }

    @Test
    void aReplayServerSaysSoAndOffersOnlyTheSpecItWasGiven() throws Exception {
        Files.createDirectories(temp.resolve("project/specs"));
        Files.writeString(temp.resolve("project/specs/other.py"), "TASKS = []\n");
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(1, 10), c -> c.withOnlySpec(FakeServer.SPEC)
                .withDefaultModel("taskgraph/demo-replay").withReplay("REPLAY: answers from a recording."))) {
            JsonNode options = json(web.get("/api/options"));
            assertEquals("REPLAY: answers from a recording.", options.get("replay").get("notice").asText());
            assertEquals("taskgraph/demo-replay", options.get("default_model").asText());

            JsonNode specs = json(web.get("/api/specs"));
            assertEquals(1, specs.size(), specs.toString());
            assertEquals(FakeServer.SPEC, specs.get(0).get("id").asText());
            HttpResponse<String> other = web.post(new Multipart().field("spec_id", "specs.other"));
            assertEquals(400, other.statusCode());
            assertTrue(json(other).get("error").asText().startsWith("Unknown spec 'specs.other'"), other.body());

            web.awaitResult(web.startRun(FakeServer.SPEC));
            assertEquals("taskgraph/demo-replay", web.runs.requests.get(0).options().model());
        }
    }
}
