package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.ErrorCategory;
import java.util.Locale;

/** Where a web run is; {@link #wire()} is the name the API and the page use. */
public enum RunState {
    /** Accepted, waiting for a free run slot. */
    QUEUED,
    /** Loading the spec, ingesting or running tasks. */
    RUNNING,
    /** Every task passed and every export was written (the CLI's exit code 0). */
    SUCCEEDED,
    /** The run finished but a task or an export failed (exit code 1). */
    FAILED,
    /**
     * The run could not be carried out: the spec failed to load, a cycle, bad input data, the model server refused
     * the key, credit or model... (exit code 2), or the model server or taskgraph itself failed (exit code 1).
     */
    ERROR,
    /** Stopped before it finished (the server shut down). */
    INTERRUPTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    /**
     * The CLI's exit code for a run that could not be carried out because of an error of {@code category}: 2 when
     * the user can fix it, 1 when the model server failed or taskgraph has a bug.
     */
    public static int exitCode(ErrorCategory category) {
        return category.userFixable() ? 2 : 1;
    }

    /** The CLI's exit code for a run that ended this way ({@link #ERROR}: when the user can fix the error). */
    public int exitCode() {
        return switch (this) {
            case SUCCEEDED -> 0;
            case FAILED, INTERRUPTED -> 1;
            case ERROR -> 2;
            case QUEUED, RUNNING -> -1;
        };
    }
}
