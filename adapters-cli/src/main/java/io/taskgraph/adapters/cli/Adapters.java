package io.taskgraph.adapters.cli;

import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters a command needs, made on demand. Commands ask for exactly what they use, so {@code show}
 * never loads DuckDB or the HTTP client: each method is the only place its adapter class is mentioned.
 */
public interface Adapters {
    SpecLoader specLoader(Path workingDirectory, Map<String, String> environment);

    /**
     * The DuckDB engine; {@code memoryLimit} as given to {@code --memory-limit} (empty: the default). A size that
     * cannot be read or does not fit this machine is a {@link io.taskgraph.domain.UsageException}.
     */
    SqlEngine sqlEngine(Optional<String> memoryLimit);

    default SqlEngine sqlEngine() {
        return sqlEngine(Optional.empty());
    }

    /**
     * The OpenRouter (or OpenAI-compatible) client configured from {@code environment} and the {@code .env} file
     * in {@code workingDirectory}; a missing key is a configuration {@link io.taskgraph.domain.LlmException}.
     * Retries are reported to {@code listener}. Close it when the run is over.
     */
    ClosableLlm openRouter(Map<String, String> environment, Path workingDirectory, RunListener listener);

    /** Answers from a recorded cassette, with no network and no API key. */
    LlmClient replay(Path cassette);

    /** Wraps {@code delegate}, writing every call to {@code cassette}. */
    LlmClient recording(LlmClient delegate, Path cassette);

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
