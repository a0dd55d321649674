package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.Adapters.ClosableLlm;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the agents' answers come from: the live model, the live model recorded to a cassette, or a cassette replayed
 * with no model, key or network. {@code run}, {@code rerun}, {@code demo} and {@code serve} all choose here, so
 * recording and replay work the same in the terminal and on the web.
 */
public sealed interface ModelChoice {
    /** The model named by the environment (OpenRouter or any OpenAI-compatible server). */
    record Live() implements ModelChoice {
    }

    /** The live model, every answered call written to {@code cassette}. */
    record Recording(Path cassette) implements ModelChoice {
        public Recording {
            Objects.requireNonNull(cassette, "cassette");
        }
    }

    /** Answers read from {@code cassette}; no model is called. */
    record Replay(Path cassette) implements ModelChoice {
        public Replay {
            Objects.requireNonNull(cassette, "cassette");
        }
    }

    default boolean replays() {
        return this instanceof Replay;
    }

    /**
     * The client for one run, opened only when the run asks for it ({@link ModelOnDemand}): a run whose tasks cannot
     * call the model needs no key and no cassette. {@code opened} runs once it is open (to say it is a replay).
     */
    default ClosableLlm openWhenNeeded(Adapters adapters, RunListener listener, Runnable opened) {
        return new ModelOnDemand(() -> {
            ClosableLlm client = open(adapters, listener);
            opened.run();
            return client;
        });
    }

    /**
     * The client for one run, reporting retries to {@code listener}; close it when the run is over. A missing API key
     * or an unreadable cassette fails here, before the run starts.
     */
    default ClosableLlm open(Adapters adapters, RunListener listener) {
        if (this instanceof Replay replay) {
            LlmClient client = adapters.replay(replay.cassette());
            return ClosableLlm.of(client, () -> { });
        }
        ClosableLlm live = adapters.openRouter(listener);
        if (this instanceof Recording recording) {
            try {
                return ClosableLlm.of(adapters.recording(live, recording.cassette()), live::close);
            } catch (RuntimeException e) {
                live.close();
                throw e;
            }
        }
        return live;
    }
}
