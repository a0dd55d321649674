package io.taskgraph.domain;

/** A workspace file could not be created, copied, opened or written. */
public class WorkspaceException extends TaskgraphException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
