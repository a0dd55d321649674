package io.taskgraph.adapters.web;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspaces;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the composition root hands the web app, faked for the web module's own tests: each run reports the events a
 * one-task run would, prints {@code specLines} lines of {@code lineLength} characters (so a run holds a known amount
 * of state), writes its export {@value #EXPORT} next to the output and passes. Records every request it got.
 */
final class FakeRuns implements RunWorkspaces {
    static final String EXPORT = "report.csv";

    final List<RunRequest> requests = new CopyOnWriteArrayList<>();
    private final int specLines;
    private final int lineLength;
    private volatile Supplier<TaskgraphException> notReady = () -> null;
    private volatile Supplier<RuntimeException> failure = () -> null;

    FakeRuns(int specLines, int lineLength) {
        this.specLines = specLines;
        this.lineLength = lineLength;
    }

    /** From now on runs cannot start: {@link #checkReady()} throws what {@code failure} makes. */
    void refuseWith(Supplier<TaskgraphException> failure) {
        this.notReady = failure;
    }

    /** From now on runs start but stop with what {@code error} makes, as the use case throws its errors. */
    void failRunsWith(Supplier<RuntimeException> error) {
        this.failure = error;
    }

    @Override
    public void checkReady() {
        TaskgraphException failure = notReady.get();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public RunSummary run(RunRequest request, RunListener listener, Consumer<String> specOutput, RunControl control) {
        requests.add(request);
        RuntimeException error = failure.get();
        if (error != null) {
            throw error;
        }
        listener.on(new RunEvent.RunStarted(request.spec().module(), request.output(), request.options().model(),
                Map.of("fake", List.of()), request.options().replay()));
        String filler = "x".repeat(Math.max(0, lineLength - 12));
        for (int i = 0; i < specLines; i++) {
            specOutput.accept(String.format("line %6d %s", i, filler));
        }
        listener.on(new RunEvent.TaskStarted("fake", TaskKind.AGENT));
        TaskOutcome passed = new TaskOutcome("fake", TaskKind.AGENT, TaskStatus.PASSED, 1, 1, new Usage(10, 5, 0, 0),
                Duration.ofMillis(3), "", List.of(), "done");
        listener.on(new RunEvent.TaskFinished(passed));
        Path export = request.output().resolveSibling(EXPORT);
        try {
            Files.writeString(export, "a,b\n1,2\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportResult written = new ExportResult(EXPORT, export, Optional.empty());
        listener.on(new RunEvent.ExportFinished(written));
        RunSummary summary = new RunSummary(request.output(), List.of(passed), List.of(written), Duration.ofMillis(5),
                false);
        listener.on(new RunEvent.RunFinished(summary));
        return summary;
    }
}
