package io.taskgraph.application.run;

import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A fresh run: load {@code spec}, write the workspace to {@code output} (replacing an existing file only
 * when {@code replaceOutput}), run the tasks {@code selection} names and the tasks they need (every task when it
 * selects none) with {@code options}. Exports are written next to the output, when every task ran and passed.
 */
public record RunRequest(SpecRequest spec, Path output, boolean replaceOutput, RunOptions options,
                         TaskSelection selection) {
    public RunRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(options, "options");
        selection = selection == null ? TaskSelection.ALL : selection;
    }

    /** A run of every task. */
    public RunRequest(SpecRequest spec, Path output, boolean replaceOutput, RunOptions options) {
        this(spec, output, replaceOutput, options, TaskSelection.ALL);
    }

    /** The same request with other options (everything else, the selection too, kept). */
    public RunRequest withOptions(RunOptions changed) {
        return new RunRequest(spec, output, replaceOutput, changed, selection);
    }
}
