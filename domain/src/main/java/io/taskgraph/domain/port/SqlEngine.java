package io.taskgraph.domain.port;

import java.nio.file.Path;

/** Creates and opens workspace files. Errors are {@link io.taskgraph.domain.WorkspaceException}s. */
public interface SqlEngine {
    /** A new, empty workspace at {@code file}; an existing file is replaced only if {@code replace}. */
    Workspace create(Path file, boolean replace);

    /** Copies {@code source} to {@code target} (never touching the source) and opens the copy. */
    Workspace copy(Path source, Path target, boolean replace);

    /** Opens an existing workspace for reading only. */
    Workspace openReadOnly(Path file);
}
