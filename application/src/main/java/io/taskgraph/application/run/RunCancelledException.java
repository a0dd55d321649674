package io.taskgraph.application.run;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.TaskgraphException;

/**
 * The run was cancelled (through its {@link RunControl}) before any task started, so it ends without a workspace
 * file. Only the caller that cancelled can cause it, and that caller reports its own words ("stopped by Ctrl-C",
 * "cancelled"); should it ever reach a generic error handler, a caller cancelled a run without handling the
 * outcome, which is a bug, hence {@link ErrorCategory#INTERNAL}.
 */
public final class RunCancelledException extends TaskgraphException {
    /** {@code cause}: what the cancelled step failed with (a stopped spec process), or null. */
    public RunCancelledException(Throwable cause) {
        super("The run was cancelled before any task started; no workspace file was kept.", cause);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.INTERNAL;
    }
}
