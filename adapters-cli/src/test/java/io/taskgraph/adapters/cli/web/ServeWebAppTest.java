package io.taskgraph.adapters.cli.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.Multipart;
import io.taskgraph.adapters.web.SseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app as {@code serve} wires it: the model settings come from the same place as the CLI's (environment, then
 * the working directory's {@code .env}), and stopping the server ends running runs as interrupted.
 */
class ServeWebAppTest {
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
        CompletableFuture<List<SseEvent>> stream = CompletableFuture.supplyAsync(() -> web.stream(runId));
        Thread.sleep(200);

        Thread stopping = new Thread(web.server::stop);
        stopping.start();
        Thread.sleep(300);
        web.llm.release("summarize", 1); // the agent sees the cancellation once its model call returns
        stopping.join(30_000);

        List<SseEvent> events = stream.get(30, TimeUnit.SECONDS);
        assertEquals("result", events.get(events.size() - 1).event());
        assertEquals("interrupted", json(events.get(events.size() - 1).data()).get("state").asText());
        assertTrue(Files.isRegularFile(web.server.runsDirectory().resolve(runId).resolve("output.db")),
                "an interrupted run still leaves its workspace file");
        web.llm.close();
    }
}
