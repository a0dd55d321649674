package io.taskgraph.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskgraph.adapters.web.LlmStub.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real web server for tests: the real pipeline (python3 spec modules, DuckDB, the OpenRouter client) in a
 * temporary working directory holding the test spec modules, talking to {@link LlmStub} on 127.0.0.1, and
 * an HTTP client to drive it.
 */
final class WebFixture implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    static final String[] SPEC_FILES = {"main.py", "uploads.py", "broken.py", "_helpers.py"};

    final LlmStub llm;
    final Path workingDirectory;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebFixture(LlmStub llm, Path workingDirectory, WebServer server) {
        this.llm = llm;
        this.workingDirectory = workingDirectory;
        this.server = server;
    }

    static WebFixture start(Path tempDir) throws IOException {
        return start(tempDir, config -> config, true);
    }

    static WebFixture start(Path tempDir, UnaryOperator<WebConfig> tweak, boolean withApiKey) throws IOException {
        LlmStub llm = new LlmStub();
        scriptTheTestSpecs(llm);
        Path work = Files.createDirectories(tempDir.resolve("project"));
        Files.createDirectories(work.resolve("specs"));
        for (String file : SPEC_FILES) {
            try (InputStream in = WebFixture.class.getResourceAsStream("/webspecs/specs/" + file)) {
                Files.copy(in, work.resolve("specs").resolve(file));
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("OPENROUTER_BASE_URL", llm.baseUrl());
        if (withApiKey) {
            env.put("OPENROUTER_API_KEY", "sk-test-web");
        }
        String python = System.getenv("TASKGRAPH_TEST_PYTHON");
        if (python != null && !python.isBlank()) {
            env.put("TASKGRAPH_PYTHON", python);
        }
        WebConfig config = tweak.apply(WebConfig.of("127.0.0.1", 0, work, env)
                .withRunsDirectory(tempDir.resolve("runs")));
        try {
            return new WebFixture(llm, work, WebServer.start(config));
        } catch (RuntimeException e) {
            llm.close();
            throw e;
        }
    }

    /** The SQL each test spec's agents write: one view per task, then a final answer. */
    static void scriptTheTestSpecs(LlmStub llm) {
        llm.script("summarize",
                Step.sql("CREATE VIEW department_summary AS SELECT department, count(*) AS headcount, "
                        + "sum(salary) AS total_salary FROM employees GROUP BY department"),
                Step.answer("department_summary is ready."));
        llm.script("top_earners",
                Step.sql("CREATE VIEW top_earners AS SELECT department, arg_max(name, salary) AS name, "
                        + "max(salary) AS salary FROM employees GROUP BY department"),
                Step.answer("top_earners is ready."));
        llm.script("report",
                Step.sql("CREATE VIEW department_report AS SELECT s.department, s.headcount, t.name AS top_earner "
                        + "FROM department_summary s JOIN top_earners t USING (department) ORDER BY s.department"),
                Step.answer("department_report is ready."));
        llm.script("totals",
                Step.sql("CREATE VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales "
                        + "GROUP BY region ORDER BY region"),
                Step.answer("region_totals is ready."));
        llm.script("greet",
                Step.sql("CREATE VIEW greetings AS SELECT name, greeting || ', ' || name AS message FROM names"),
                Step.answer("greetings is ready."));
    }

    URI uri(String path) {
        return server.url().resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/run")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a run of {@code specId} with the default model and effort; returns its id. */
    String startRun(String specId) {
        return startRun(new Multipart().field("spec_id", specId));
    }

    String startRun(Multipart form) {
        HttpResponse<String> response = post(form);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("run_id").asText();
    }

    /** The whole stream of a run from {@code lastEventId} on (null: from the start), until the server ends it. */
    List<SseEvent> stream(String runId, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/run/" + runId + "/stream"))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<List<SseEvent>> events = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertEquals(200, response.statusCode());
                    return SseEvent.parse(response.body());
                });
        try {
            return events.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream of run " + runId + " did not end: " + e, e);
        }
    }

    List<SseEvent> stream(String runId) {
        return stream(runId, null);
    }

    /** Waits for the run to finish (by following its stream) and returns its {@code result} JSON. */
    JsonNode awaitResult(String runId) {
        List<SseEvent> events = stream(runId);
        SseEvent last = events.get(events.size() - 1);
        assertEquals("result", last.event(), "the stream ends with the result");
        return json(last.data());
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            llm.releaseAll();
            server.stop();
        } finally {
            llm.close();
        }
    }
}
