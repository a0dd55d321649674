package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.adapters.duckdb.DuckDbSettings;
import io.taskgraph.adapters.duckdb.MemoryLimit;
import io.taskgraph.adapters.openrouter.OpenRouterClient;
import io.taskgraph.adapters.openrouter.OpenRouterConfig;
import io.taskgraph.adapters.openrouter.RecordingLlmClient;
import io.taskgraph.adapters.openrouter.ReplayLlmClient;
import io.taskgraph.adapters.python.PythonSpecLoader;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The real adapters: DuckDB, python3, OpenRouter. Each adapter class is named only inside the method that
 * makes it, so the JVM loads DuckDB or OkHttp only for the commands that ask for them.
 */
final class ProductionAdapters implements Adapters {
    @Override
    public SpecLoader specLoader(Path workingDirectory, Map<String, String> environment) {
        return new PythonSpecLoader();
    }

    @Override
    public SqlEngine sqlEngine(Optional<String> memoryLimit) {
        DuckDbSettings settings = DuckDbSettings.defaults();
        return new DuckDbEngine(memoryLimit.map(MemoryLimit::parse).map(settings::withMemoryLimit).orElse(settings));
    }

    @Override
    public ClosableLlm openRouter(Map<String, String> environment, Path workingDirectory, RunListener listener) {
        OpenRouterClient client = new OpenRouterClient(OpenRouterConfig.fromEnvironment(environment, workingDirectory),
                listener);
        return ClosableLlm.of(client, client::close);
    }

    @Override
    public LlmClient replay(Path cassette) {
        return new ReplayLlmClient(cassette);
    }

    @Override
    public LlmClient recording(LlmClient delegate, Path cassette) {
        return new RecordingLlmClient(delegate, cassette);
    }
}
