package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.Adapters.ClosableLlm;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.application.run.RunWorkspaces;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runs {@code taskgraph serve} hands to the web app: the {@code run} command's use case on the same adapters,
 * one fresh {@link RunWorkspace} and model client per run.
 *
 * <p>Replaying, every run answers from the one cassette, read once when the server starts (so a missing one stops
 * {@code serve} at once). Recording, a cassette holds exactly one run, so each run records beside its own workspace
 * file ({@value #RUN_CASSETTE}) and, once it has finished, that recording replaces the chosen cassette: the file
 * always holds the latest finished run, ready for {@code serve --llm-replay} or {@code run --llm-replay}.
 */
final class ServedRuns implements RunWorkspaces {
    /** The name of a run's own recording, next to its workspace file. */
    static final String RUN_CASSETTE = "model-calls.jsonl";

    private final Adapters adapters;
    private final ModelChoice model;
    private final SqlEngine sqlEngine;
    private final Clock clock;
    private final Optional<LlmClient> replay;

    ServedRuns(Adapters adapters, ModelChoice model, SqlEngine sqlEngine, Clock clock) {
        this.adapters = adapters;
        this.model = model;
        this.sqlEngine = sqlEngine;
        this.clock = clock;
        this.replay = model instanceof ModelChoice.Replay cassette
                ? Optional.of(adapters.replay(cassette.cassette())) : Optional.empty();
        if (model instanceof ModelChoice.Recording recording) {
            requireWritableFolder(recording.cassette());
        }
    }

    @Override
    public void checkReady() {
        if (replay.isEmpty()) {
            adapters.openRouter(RunListener.NONE).close();
        }
    }

    @Override
    public RunSummary run(RunRequest request, RunListener listener, Consumer<String> specOutput, RunControl control) {
        RunRequest asked = replay.isPresent() ? request.withOptions(request.options().withReplay(true)) : request;
        Path ownRecording = asked.output().resolveSibling(RUN_CASSETTE);
        RunSummary summary;
        try (ClosableLlm llm = modelFor(ownRecording, listener)) {
            summary = new RunWorkspace(adapters.specLoader(specOutput), adapters.workbookReader(), sqlEngine, llm,
                    listener, clock).run(asked, control);
        }
        if (model instanceof ModelChoice.Recording recording) {
            publish(ownRecording, recording.cassette()).ifPresent(problem -> listener.on(new RunEvent.Warning(problem)));
        }
        return summary;
    }

    private ClosableLlm modelFor(Path ownRecording, RunListener listener) {
        if (replay.isPresent()) {
            return ClosableLlm.of(replay.get(), () -> { });
        }
        if (model instanceof ModelChoice.Recording) {
            return new ModelChoice.Recording(ownRecording).open(adapters, listener);
        }
        return model.open(adapters, listener);
    }

    /**
     * Replaces {@code cassette} by {@code recording} in one step, so a reader never sees half a recording; what went
     * wrong, if it could not (the run's result stands either way).
     */
    private static Optional<String> publish(Path recording, Path cassette) {
        try {
            Path staging = Files.createTempFile(cassette.toAbsolutePath().getParent(), ".taskgraph-cassette-", ".tmp");
            try {
                Files.copy(recording, staging, StandardCopyOption.REPLACE_EXISTING);
                Files.move(staging, cassette, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staging);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The run's model answers could not be saved to " + cassette + " (" + e.getMessage()
                    + "); the recording in the run's folder is " + recording + ".");
        }
    }

    /** Recording must be able to write its cassette: checked when the server starts, not after the first run. */
    private static void requireWritableFolder(Path cassette) {
        Path folder = cassette.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".taskgraph-cassette-", ".tmp"));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot record model answers to " + cassette + ": its folder is not writable ("
                    + e.getMessage() + "). Choose another --llm-record file.", e);
        }
    }
}
