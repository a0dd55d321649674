package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.adapters.duckdb.DuckDbSettings;
import io.taskgraph.adapters.duckdb.MemoryLimit;
import io.taskgraph.adapters.openrouter.OpenRouterClient;
import io.taskgraph.adapters.openrouter.OpenRouterConfig;
import io.taskgraph.adapters.openrouter.RecordingLlmClient;
import io.taskgraph.adapters.openrouter.ReplayLlmClient;
import io.taskgraph.adapters.python.PythonSpecLoader;
import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.adapters.xlsx.XlsxWorkbookReader;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real adapters: DuckDB, python3, OpenRouter, the Excel reader, the web app. They all get the environment and the working
 * directory taskgraph was started with from here. Each adapter class is named only inside the method that makes it,
 * so the JVM loads DuckDB or OkHttp only for the commands that ask for them.
 */
public final class ProductionAdapters implements Adapters {
    private final Map<String, String> environment;
    private final Path workingDirectory;

    /**
     * @param environment      the environment taskgraph runs in: the spec's process, the Python choice and the
     *                         model settings read it
     * @param workingDirectory where the user started taskgraph: its {@code .venv} and {@code .env} count
     */
    public ProductionAdapters(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    @Override
    public SpecLoader specLoader(Consumer<String> specOutput) {
        return new PythonSpecLoader(environment, workingDirectory, specOutput);
    }

    @Override
    public SqlEngine sqlEngine(Optional<String> memoryLimit) {
        DuckDbSettings settings = DuckDbSettings.defaults();
        return new DuckDbEngine(memoryLimit.map(MemoryLimit::parse).map(settings::withMemoryLimit).orElse(settings));
    }

    @Override
    public ClosableLlm openRouter(RunListener listener) {
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

    @Override
    public WorkbookReader workbookReader() {
        return new XlsxWorkbookReader();
    }

    @Override
    public WebServer webServer(WebConfig config, WebServices services) {
        return WebServer.start(config, services);
    }
}
