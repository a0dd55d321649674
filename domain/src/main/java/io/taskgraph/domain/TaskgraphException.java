package io.taskgraph.domain;

/**
 * Base of every error Taskgraph reports to a person. Messages are complete sentences that say what is
 * wrong, where, and what to do. Every exception has an {@link ErrorCategory} (its class's, unless the thrower
 * chose a more precise one); adapters map the category to exit codes or HTTP statuses, each in one place.
 */
public abstract class TaskgraphException extends RuntimeException {
    protected TaskgraphException(String message) {
        super(message);
    }

    protected TaskgraphException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Who can fix this error, and so how adapters report it. */
    public abstract ErrorCategory category();
}
