package io.taskgraph.domain;

import java.util.Objects;

/**
 * A workspace file (or a file beside it) could not be created, copied, opened, read or written. Unless the
 * thrower says more precisely what went wrong, the cause is taken to be the machine's set-up (permissions, disk
 * space, a damaged file): {@link ErrorCategory#SETUP}.
 */
public class WorkspaceException extends TaskgraphException {
    private final ErrorCategory category;

    public WorkspaceException(String message) {
        this(ErrorCategory.SETUP, message);
    }

    public WorkspaceException(String message, Throwable cause) {
        this(ErrorCategory.SETUP, message, cause);
    }

    /** An error whose cause is known to be of {@code category}: a file that does not exist, one that is in use... */
    public WorkspaceException(ErrorCategory category, String message) {
        super(message);
        this.category = Objects.requireNonNull(category, "category");
    }

    public WorkspaceException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    @Override
    public ErrorCategory category() {
        return category;
    }
}
