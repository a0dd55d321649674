package io.taskgraph.domain.port;

import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.List;

/** A loaded spec module, kept alive so its input callables and export functions can run later. */
public interface SpecSession extends AutoCloseable {
    WorkspaceSpec spec();

    /** Warnings found while loading (e.g. the spec's git tree is dirty). */
    List<String> warnings();

    /**
     * Produces input {@code input}'s rows in bulk form under {@code scratchDir} (calling its callable once).
     * Errors name the input: {@link io.taskgraph.domain.InvalidSpecException}.
     */
    TableSource materialize(String input, Path scratchDir);

    /** Runs every EXPORTS function against {@code workspace}, writing under {@code outputDir}. */
    List<ExportResult> runExports(SqlReader workspace, Path outputDir);

    @Override
    void close();
}
