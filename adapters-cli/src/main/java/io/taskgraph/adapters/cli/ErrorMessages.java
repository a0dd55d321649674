package io.taskgraph.adapters.cli;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.TaskgraphException;
import java.io.PrintWriter;

/**
 * The one place a failed command's exception becomes a message and an exit code. Users get one clear message (the
 * exceptions are written for them); the exit code follows the error's {@link ErrorCategory}: 2 for anything they
 * can fix, 1 otherwise. The stack trace only with {@code --debug}.
 * No picocli here, so that {@link QuickShow} can use it without loading picocli.
 */
final class ErrorMessages {
    private ErrorMessages() {
    }

    /** Writes the message for {@code e} to {@code err}; returns the exit code. */
    static int report(Exception e, PrintWriter err, boolean debug) {
        int code = exitCode(e);
        if (e instanceof TaskgraphException known && known.category() != ErrorCategory.INTERNAL) {
            err.println("taskgraph: " + e.getMessage());
        } else {
            err.println("taskgraph: internal error: " + e
                    + (debug ? "" : "\nThis is a bug in taskgraph; rerun with --debug for the stack trace and report it."));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Exception e) {
        return exitCode(ErrorCategory.of(e));
    }

    /** The exit code of an error category (the web app's HTTP statuses follow the same categories). */
    static int exitCode(ErrorCategory category) {
        return switch (category) {
            case BAD_INPUT, NOT_FOUND, CONFLICT, SETUP -> ExitCodes.USAGE;
            case UPSTREAM, INTERNAL -> ExitCodes.FAILED;
        };
    }
}
