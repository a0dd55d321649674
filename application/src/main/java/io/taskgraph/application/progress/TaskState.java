package io.taskgraph.application.progress;

import io.taskgraph.domain.run.TaskStatus;
import java.util.Locale;

/**
 * Where a task stands while a run is watched: the outcome states of {@link TaskStatus} plus the two a task
 * passes through before it settles. {@link #label()} is the word every display shows (and the web API sends).
 */
public enum TaskState {
    /** Not started yet: its dependencies have not all passed. */
    WAITING,
    /** Its agent or its SQL is at work. */
    RUNNING,
    PASSED,
    REUSED,
    FAILED,
    BLOCKED,
    INTERRUPTED,
    /** Left out of a run with a selection: neither selected nor needed by a selected task; neither passed nor failed. */
    NOT_SELECTED;

    /** {@code passed}, {@code not selected}: lower case, words apart. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The task will not change any more in this run. */
    public boolean settled() {
        return this != WAITING && this != RUNNING;
    }

    /** Its outputs are valid: tasks that depend on it may run. */
    public boolean passed() {
        return this == PASSED || this == REUSED;
    }

    /** The state of a task that ended with {@code status}. */
    public static TaskState of(TaskStatus status) {
        return switch (status) {
            case PASSED -> PASSED;
            case REUSED -> REUSED;
            case FAILED -> FAILED;
            case BLOCKED -> BLOCKED;
            case INTERRUPTED -> INTERRUPTED;
            case NOT_SELECTED -> NOT_SELECTED;
        };
    }
}
