package io.taskgraph.adapters.cli.web;

import io.taskgraph.adapters.cli.ModelChoice;
import io.taskgraph.adapters.cli.ProductionAdapters;
import io.taskgraph.adapters.cli.ServedWebApp;
import io.taskgraph.adapters.cli.web.LlmStub.Step;
import io.taskgraph.adapters.web.WebClient;
import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;



/**
 * A real web server for tests, wired as {@code taskgraph serve} wires it ({@link ServedWebApp} on
 * {@link ProductionAdapters}): python3 spec modules, DuckDB and the OpenRouter client, in a temporary working
 * directory holding the test spec modules, talking to {@link LlmStub} on 127.0.0.1; and an HTTP client to drive it.
 */
final class WebFixture extends WebClient implements AutoCloseable {
    static final String[] SPEC_FILES = {"main.py", "uploads.py", "broken.py", "failing.py", "_helpers.py"};

    final LlmStub llm;
    final Path workingDirectory;
    final WebServer server;

    private WebFixture(LlmStub llm, Path workingDirectory, WebServer server) {
        super(server.url());
        this.llm = llm;
        this.workingDirectory = workingDirectory;
        this.server = server;
    }

    static WebFixture start(Path tempDir) throws IOException {
        return start(tempDir, config -> config, true);
    }

    static WebFixture start(Path tempDir, UnaryOperator<WebConfig> tweak, boolean withApiKey) throws IOException {
        return start(tempDir, tweak, withApiKey, dir -> new ModelChoice.Live());
    }

    /** A server whose agents' answers come as {@code model} says (live, recorded or replayed; paths in tempDir). */
    static WebFixture start(Path tempDir, UnaryOperator<WebConfig> tweak, boolean withApiKey,
                            Function<Path, ModelChoice> model) throws IOException {
        LlmStub llm = new LlmStub();
        scriptTheTestSpecs(llm);
        Path work = Files.createDirectories(tempDir.resolve("project"));
        Files.createDirectories(work.resolve("specs"));
        for (String file : SPEC_FILES) {
            try (InputStream in = WebFixture.class.getResourceAsStream("/webspecs/specs/" + file)) {
                Files.copy(in, work.resolve("specs").resolve(file), StandardCopyOption.REPLACE_EXISTING);
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
        WebConfig config = tweak.apply(WebConfig.of("127.0.0.1", 0, work).withRunsDirectory(tempDir.resolve("runs")));
        try {
            WebServer server = ServedWebApp.start(new ProductionAdapters(env, work), Clock.systemUTC(), config,
                    model.apply(tempDir));
            return new WebFixture(llm, work, server);
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
