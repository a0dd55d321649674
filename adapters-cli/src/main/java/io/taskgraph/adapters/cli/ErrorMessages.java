package io.taskgraph.adapters.cli;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import java.io.PrintWriter;

/**
 * The one place a failed command's exception becomes a message and an exit code. Users get one clear message (the
 * exceptions are written for them) and exit 2 for anything they can fix; the stack trace only with {@code --debug}.
 * No picocli here, so that {@link QuickShow} can use it without loading picocli.
 */
final class ErrorMessages {
    private ErrorMessages() {
    }

    /** Writes the message for {@code e} to {@code err}; returns the exit code. */
    static int report(Exception e, PrintWriter err, boolean debug) {
        int code = exitCode(e);
        if (e instanceof TaskgraphException) {
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
        if (e instanceof LlmException llm) {
            return llm.isConfiguration() ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        if (e instanceof InvalidSpecException || e instanceof UsageException || e instanceof WorkspaceException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }
}
