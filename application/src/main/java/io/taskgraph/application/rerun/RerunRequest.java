package io.taskgraph.application.rerun;

import io.taskgraph.application.run.RunOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rerun of the workspace {@code source} into a copy at {@code output} (the source is never modified).
 * {@code specModule} overrides the recorded spec module (then the recorded git commit is not checked);
 * the spec is loaded from {@code workingDirectory} with {@code environment}. {@code reingest} replaces the
 * input tables with fresh data from the spec (the CLI turns it on when {@code --spec} is given).
 * {@code ignoreCommitMismatch} accepts a spec whose git commit differs from the recorded one.
 * {@code model} empty means the recorded model; the model inside {@code options} is not used.
 */
public record RerunRequest(Path source, Path output, boolean replaceOutput, Optional<String> specModule,
                           Path workingDirectory, Map<String, String> environment, RerunMode mode,
                           boolean reingest, boolean ignoreCommitMismatch, Optional<String> model,
                           RunOptions options) {
    public RerunRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(options, "options");
        specModule = specModule == null ? Optional.empty() : specModule;
        model = model == null ? Optional.empty() : model;
        environment = Map.copyOf(environment == null ? Map.of() : environment);
    }
}
