package io.taskgraph.adapters.web;

import static io.taskgraph.adapters.web.WebFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the server as {@code taskgraph serve} does, and what it needs to start runs. */
class WebServerTest {
    @TempDir
    Path temp;

    @Test
    void withoutAnApiKeyRunsAreRefusedWith503AndTheFix() throws Exception {
        try (WebFixture web = WebFixture.start(temp, config -> config, false)) {
            HttpResponse<String> response = web.post(new Multipart().field("spec_id", "specs.main"));

            assertEquals(503, response.statusCode(), response.body());
            assertTrue(json(response).get("error").asText().startsWith("No OpenRouter API key is set. Set the "
                    + "OPENROUTER_API_KEY environment variable"), response.body());
            assertEquals(200, web.get("/api/specs").statusCode(), "the rest of the app still works");
            assertEquals(0, web.llm.requests());
        }
    }

    @Test
    void theKeyCanComeFromTheWorkingDirectorysDotEnvLikeTheCli() throws Exception {
        try (WebFixture web = WebFixture.start(temp, config -> {
            try {
                Files.writeString(config.workingDirectory().resolve(".env"), "OPENROUTER_API_KEY=sk-from-dotenv\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return config;
        }, false)) {
            String runId = web.startRun("specs.main");
            assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
        }
    }

    @Test
    void stoppingTheServerEndsARunningRunAsInterrupted() throws Exception {
        WebFixture web = WebFixture.start(temp);
        web.llm.hold("summarize", 1);
        String runId = web.startRun("specs.main");
        web.llm.awaitHeld("summarize", 1);
        var stream = java.util.concurrent.CompletableFuture.supplyAsync(() -> web.stream(runId));
        Thread.sleep(200);

        Thread stopping = new Thread(web.server::stop);
        stopping.start();
        Thread.sleep(300);
        web.llm.release("summarize", 1); // the agent sees the cancellation once its model call returns
        stopping.join(30_000);

        var events = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("result", events.get(events.size() - 1).event());
        assertEquals("interrupted", json(events.get(events.size() - 1).data()).get("state").asText());
        assertTrue(Files.isRegularFile(web.server.runsDirectory().resolve(runId).resolve("output.db")),
                "an interrupted run still leaves its workspace file");
        web.llm.close();
    }

    @Test
    void theServerReportsWhereItListens() throws Exception {
        WebConfig config = WebConfig.of("127.0.0.1", 0, temp, Map.of()).withRunsDirectory(temp.resolve("runs"));
        try (WebServer server = WebServer.start(config)) {
            assertTrue(server.port() > 0);
            assertEquals("http://127.0.0.1:" + server.port() + "/", server.url().toString());
            assertEquals(temp.resolve("runs").toAbsolutePath(), server.runsDirectory());
        }
    }

    @Test
    void aPortInUseIsAUsageErrorThatSaysWhatToDo() throws Exception {
        WebConfig config = WebConfig.of("127.0.0.1", 0, temp, Map.of()).withRunsDirectory(temp.resolve("runs"));
        try (WebServer first = WebServer.start(config)) {
            WebConfig samePort = WebConfig.of("127.0.0.1", first.port(), temp, Map.of())
                    .withRunsDirectory(temp.resolve("runs2"));
            UsageException e = assertThrows(UsageException.class, () -> WebServer.start(samePort));
            assertEquals("Cannot listen on 127.0.0.1:" + first.port() + ": the port is in use or the address is not "
                    + "this machine's. Pick another with --port (or --host).", e.getMessage());
        }
    }

    @Test
    void aBadConfigurationIsRefusedWithTheFix() {
        assertEquals("Port 70000 is not a TCP port; use 1-65535, or 0 for any free port.",
                assertThrows(IllegalArgumentException.class,
                        () -> WebConfig.of("127.0.0.1", 70000, temp, Map.of())).getMessage());
        assertEquals("The host to bind must not be empty; use 127.0.0.1.",
                assertThrows(IllegalArgumentException.class, () -> WebConfig.of(" ", 8000, temp, Map.of())).getMessage());
    }
}
