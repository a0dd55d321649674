package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.Adapters.ClosableLlm;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import java.util.function.Supplier;

/**
 * A model client opened only when a run asks for it: when the spec turns out to have a task that may call the model
 * (the run then calls {@link #checkReady()} before it writes anything) or at the first call. A spec of SQL tasks never
 * asks, so it runs without an API key or cassette. Thread-safe: tasks call it concurrently.
 */
final class ModelOnDemand implements ClosableLlm {
    private final Supplier<ClosableLlm> open;
    private ClosableLlm client;
    private boolean closed;

    ModelOnDemand(Supplier<ClosableLlm> open) {
        this.open = open;
    }

    /** Opens the client now: a missing key or an unreadable cassette is thrown here. */
    @Override
    public void checkReady() {
        client().checkReady();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return client().complete(request);
    }

    private synchronized ClosableLlm client() {
        if (closed) {
            throw new IllegalStateException("the model client was closed at the end of the run");
        }
        if (client == null) {
            client = open.get();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
