package io.taskgraph.adapters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Picocli's side of the one place errors become messages and exit codes: bad usage is worded here, a failed
 * command by {@link ErrorMessages} (shared with {@link QuickShow}, which runs without picocli).
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
        return ErrorMessages.report(e, cmd.getErr(), global.debug);
    }
}
