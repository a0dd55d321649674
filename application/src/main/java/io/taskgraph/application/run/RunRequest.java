package io.taskgraph.application.run;

import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A fresh run: load {@code spec}, write the workspace to {@code output} (replacing an existing file only
 * when {@code replaceOutput}), run every task with {@code options}. Exports are written next to the output.
 */
public record RunRequest(SpecRequest spec, Path output, boolean replaceOutput, RunOptions options) {
    public RunRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(options, "options");
    }
}
