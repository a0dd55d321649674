package io.taskgraph.adapters.cli;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.TaskgraphException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place errors become messages and exit codes. Users get one clear message (the exceptions are
 * written for them); the exit code follows the error's {@link ErrorCategory} (the classification the web app's HTTP
 * statuses follow too): 2 for anything they can fix, 1 otherwise. The stack trace only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final GlobalOptions global;

    ErrorReporter(GlobalOptions global) {
        this.global = global;
    }

    /**
     * Bad flags or arguments: the message, then how to get help. A word that names no command or option is reported
     * first, with the names it may be a slip of, since it is usually the cause of whatever else picocli found.
     */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("taskgraph: " + Typos.explain(cmd.getCommandSpec().root(), args).orElse(e.getMessage()));
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(e);
        if (e instanceof TaskgraphException known && known.category() != ErrorCategory.INTERNAL) {
            err.println("taskgraph: " + e.getMessage());
        } else {
            err.println("taskgraph: internal error: " + e
                    + (global.debug ? "" : "\nThis is a bug in taskgraph; rerun with --debug for the stack trace and report it."));
        }
        if (global.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Exception e) {
        return exitCode(ErrorCategory.of(e));
    }

    static int exitCode(ErrorCategory category) {
        return switch (category) {
            case BAD_INPUT, NOT_FOUND, CONFLICT, SETUP -> ExitCodes.USAGE;
            case UPSTREAM, INTERNAL -> ExitCodes.FAILED;
        };
    }
}
