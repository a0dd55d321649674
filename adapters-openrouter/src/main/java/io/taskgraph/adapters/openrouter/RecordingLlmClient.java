package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Wraps any {@link LlmClient} and writes every answered call to a cassette, one JSON line each (see CASSETTES.md),
 * for {@link ReplayLlmClient} to play back. The cassette starts empty; calls that fail are not recorded. Lines are
 * written whole under one lock, so concurrent tasks never interleave within a line.
 */
public final class RecordingLlmClient implements LlmClient {
    private final LlmClient delegate;
    private final Path cassette;
    private final Object writeLock = new Object();

    public RecordingLlmClient(LlmClient delegate, Path cassette) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cassette = Objects.requireNonNull(cassette, "cassette");
        try {
            Path parent = cassette.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(cassette, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LlmException("Cannot create the cassette " + cassette + " (" + e.getMessage()
                    + "); choose a writable path to record to.", true, e);
        }
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        ChatResponse response = delegate.complete(request);
        String line = CassetteFormat.line(new CassetteEntry(request.task(), request.turn(), request.model(),
                request.effort(), request.messages(), response)) + "\n";
        synchronized (writeLock) {
            try {
                Files.writeString(cassette, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new LlmException("Cannot append turn " + request.turn() + " of task '" + request.task()
                        + "' to the cassette " + cassette + " (" + e.getMessage() + ").", false, e);
            }
        }
        return response;
    }

    public Path cassette() {
        return cassette;
    }
}
