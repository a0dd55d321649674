package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The workspace files this process has open. DuckDB's own file lock only keeps other processes out; inside one
 * process, replacing or copying a file that is still open would corrupt it or copy half a write, so the engine
 * refuses that here with a message instead. Many read-only opens may share a file; a writer needs it alone.
 */
final class OpenFiles {
    private static final Map<Path, Integer> READERS = new HashMap<>();
    private static final Map<Path, Boolean> WRITERS = new HashMap<>();

    private OpenFiles() {
    }

    static synchronized void claimForWriting(Path file) {
        requireNotOpen(file, "open it for writing");
        WRITERS.put(file, Boolean.TRUE);
    }

    static synchronized void claimForReading(Path file) {
        if (WRITERS.containsKey(file)) {
            throw new WorkspaceException(ErrorCategory.CONFLICT, "Workspace " + file + " is open for writing in this process (a run is "
                    + "using it); open it read-only after the run has finished.");
        }
        READERS.merge(file, 1, Integer::sum);
    }

    static synchronized void release(Path file, boolean writer) {
        if (writer) {
            WRITERS.remove(file);
        } else {
            READERS.computeIfPresent(file, (f, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Fails when this process has {@code file} open in any mode; {@code action} says what was attempted. */
    static synchronized void requireNotOpen(Path file, String action) {
        if (WRITERS.containsKey(file) || READERS.containsKey(file)) {
            throw new WorkspaceException(ErrorCategory.CONFLICT, "Cannot " + action + ": workspace " + file + " is open in this process. "
                    + "Close it first, or use another file.");
        }
    }
}
