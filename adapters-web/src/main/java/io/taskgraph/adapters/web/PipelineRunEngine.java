package io.taskgraph.adapters.web;

import io.taskgraph.adapters.openrouter.OpenRouterClient;
import io.taskgraph.adapters.openrouter.OpenRouterConfig;
import io.taskgraph.adapters.python.PythonSelector;
import io.taskgraph.adapters.python.PythonSpecLoader;
import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.adapters.web.run.RunEngine;
import io.taskgraph.adapters.web.run.RunOrder;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.run.RunSummary;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Web runs on the real pipeline: the application's run use case with the Python spec loader, the SQL engine
 * and an OpenRouter-compatible LLM client configured exactly like the CLI's (environment, then {@code .env}
 * in the server's working directory), and the Python the CLI would pick in that directory.
 */
final class PipelineRunEngine implements RunEngine {
    private final WebConfig config;
    private final SqlEngine sqlEngine;
    private final Clock clock;

    PipelineRunEngine(WebConfig config, SqlEngine sqlEngine, Clock clock) {
        this.config = config;
        this.sqlEngine = sqlEngine;
        this.clock = clock;
    }

    @Override
    public void checkReady() {
        try {
            llmConfig();
        } catch (LlmException e) {
            throw new WebException(Problem.UNAVAILABLE, e.getMessage());
        }
    }

    private OpenRouterConfig llmConfig() {
        return OpenRouterConfig.fromEnvironment(config.environment(), config.workingDirectory());
    }

    @Override
    public RunSummary run(RunOrder order, RunListener listener, Consumer<String> specOutput, RunControl control) {
        // The server's directory decides the Python (its ./.venv), also for a built-in spec copied elsewhere.
        Map<String, String> environment = new HashMap<>(order.spec().environment());
        environment.put(PythonSelector.ENV_VARIABLE,
                PythonSelector.select(config.workingDirectory(), config.environment()).executable());
        SpecRequest spec = new SpecRequest(order.spec().module(), order.spec().workingDirectory(), environment);
        RunOptions options = RunOptions.defaults(order.model()).withEffort(order.effort());
        try (OpenRouterClient llm = new OpenRouterClient(llmConfig(), listener)) {
            RunWorkspace useCase = new RunWorkspace(new PythonSpecLoader(specOutput), sqlEngine, llm, listener, clock);
            return useCase.run(new RunRequest(spec, order.output(), false, options), control);
        }
    }
}
