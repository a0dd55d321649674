package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The adapters a command needs, made on demand: the only way commands get one, so every adapter is constructed
 * in this package and a capability wired here (record and replay, the Python choice, the model settings, the
 * environment) works the same in the terminal and on the web. Commands ask for exactly what they use, so
 * {@code show} never loads DuckDB or the HTTP client. The implementation knows the environment and the directory
 * taskgraph was started in; no adapter reads the JVM's environment itself.
 */
public interface Adapters {
    /** The Python spec loader; each line a spec prints goes to {@code specOutput}. */
    SpecLoader specLoader(Consumer<String> specOutput);

    /**
     * The DuckDB engine; {@code memoryLimit} as given to {@code --memory-limit} (empty: the default). A size that
     * cannot be read or does not fit this machine is a {@link io.taskgraph.domain.UsageException}.
     */
    SqlEngine sqlEngine(Optional<String> memoryLimit);

    default SqlEngine sqlEngine() {
        return sqlEngine(Optional.empty());
    }

    /**
     * The OpenRouter (or OpenAI-compatible) client configured from the environment and the {@code .env} file in
     * the working directory; a missing key is a configuration {@link io.taskgraph.domain.LlmException}. Retries are
     * reported to {@code listener}. Close it when the run is over.
     */
    ClosableLlm openRouter(RunListener listener);

    /** Answers from a recorded cassette, with no network and no API key. */
    LlmClient replay(Path cassette);

    /** Wraps {@code delegate}, writing every call to {@code cassette}. */
    LlmClient recording(LlmClient delegate, Path cassette);

    /** The Excel workbook reader: for {@code inspect-xlsx}, and for runs whose inputs are workbooks. */
    WorkbookReader workbookReader();

    /** Starts the web app serving what {@code services} run; returns once it listens. */
    WebServer webServer(WebConfig config, WebServices services);

    /** An LLM client that may hold resources (connection pools) to release after the run. */
    interface ClosableLlm extends LlmClient, AutoCloseable {
        @Override
        void close();

        /** {@code client}, releasing its resources with {@code release}. */
        static ClosableLlm of(LlmClient client, Runnable release) {
            return new ClosableLlm() {
                @Override
                public ChatResponse complete(ChatRequest request) {
                    return client.complete(request);
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        }
    }
}
