package io.taskgraph.domain.port;

import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A loaded spec module, kept alive so its input callables and export functions can run later. */
public interface SpecSession extends AutoCloseable {
    WorkspaceSpec spec();

    /** Warnings found while loading the spec (e.g. its git tree is dirty); the data's own come from materialize. */
    List<String> warnings();

    /**
     * Produces input {@code input}'s rows in bulk form under {@code scratchDir} (calling its callable once).
     * Whatever the loader had to decide about the data that the user may not expect (a column holding values of
     * several types stored as text, say) goes to {@code warnings} as it is found: one message each, naming the
     * input, the column and the first row concerned. Errors name the input:
     * {@link io.taskgraph.domain.InvalidSpecException}.
     */
    TableSource materialize(String input, Path scratchDir, Consumer<String> warnings);

    /** {@link #materialize(String, Path, Consumer)} for callers that show no warnings. */
    default TableSource materialize(String input, Path scratchDir) {
        return materialize(input, scratchDir, warning -> { });
    }

    /** Runs every EXPORTS function against {@code workspace}, writing under {@code outputDir}. */
    List<ExportResult> runExports(SqlReader workspace, Path outputDir);

    /**
     * Says that only {@link #spec()} and {@link #warnings()} will be asked from now on: whatever keeps the spec
     * alive (a process) may begin to end while the caller goes on, and {@link #close()} then waits less. After it,
     * {@link #materialize} and {@link #runExports} fail with an {@link IllegalStateException}. The default suits a
     * session that holds nothing to let go.
     */
    default void release() {
    }

    @Override
    void close();
}
