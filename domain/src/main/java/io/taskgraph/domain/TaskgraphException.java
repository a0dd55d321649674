package io.taskgraph.domain;

/**
 * Base of every error Taskgraph reports to a person. Messages are complete sentences that say what is
 * wrong, where, and what to do; adapters map the subclasses to exit codes or HTTP statuses in one place.
 */
public abstract class TaskgraphException extends RuntimeException {
    protected TaskgraphException(String message) {
        super(message);
    }

    protected TaskgraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
