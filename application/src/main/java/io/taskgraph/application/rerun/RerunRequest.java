package io.taskgraph.application.rerun;

import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.graph.TaskSelection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rerun of the workspace {@code source} into a copy at {@code output} (the source is never modified).
 * {@code specModule} overrides the recorded spec module; the spec is loaded from {@code workingDirectory} with
 * {@code environment}. {@code reingest} replaces the input tables with fresh data from the spec (the CLI turns it on
 * when {@code --spec} is given). {@code ignoreCommitMismatch} keeps quiet about a recorded spec that was edited since
 * the workspace recorded it. {@code model} empty means the recorded model; the model inside {@code options} is not
 * used. {@code selection} names tasks whose agents run whatever their state (none: as {@code mode} says).
 */
public record RerunRequest(Path source, Path output, boolean replaceOutput, Optional<String> specModule,
                           Path workingDirectory, Map<String, String> environment, RerunMode mode,
                           boolean reingest, boolean ignoreCommitMismatch, Optional<String> model,
                           RunOptions options, TaskSelection selection) {
    public RerunRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(options, "options");
        specModule = specModule == null ? Optional.empty() : specModule;
        model = model == null ? Optional.empty() : model;
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        selection = selection == null ? TaskSelection.ALL : selection;
    }

    /** A rerun without a selection. */
    public RerunRequest(Path source, Path output, boolean replaceOutput, Optional<String> specModule,
                        Path workingDirectory, Map<String, String> environment, RerunMode mode, boolean reingest,
                        boolean ignoreCommitMismatch, Optional<String> model, RunOptions options) {
        this(source, output, replaceOutput, specModule, workingDirectory, environment, mode, reingest,
                ignoreCommitMismatch, model, options, TaskSelection.ALL);
    }

    public RerunRequest withSelection(TaskSelection newSelection) {
        return new RerunRequest(source, output, replaceOutput, specModule, workingDirectory, environment, mode,
                reingest, ignoreCommitMismatch, model, options, newSelection);
    }
}
