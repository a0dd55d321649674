package io.taskgraph.adapters.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name: {@code taskgraph --debug run ...}. */
public final class GlobalOptions {
    /** What {@code --debug} does for a command that says nothing more about it ({@link DebugHelp}). */
    static final String DEBUG_SHOWS_STACK_TRACES = "Show the stack trace when an error is reported.";

    @Option(names = {"--debug", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces on errors; run, rerun and demo also show every model call and SQL "
                    + "statement in plain progress output, serve the web server's own log.")
    public boolean debug;

    /**
     * Gives {@code command}'s copy of {@code --debug} the words for what it does there (its {@link DebugHelp}, else
     * {@link #DEBUG_SHOWS_STACK_TRACES}): {@code init --help} must not promise SQL statements it never runs.
     */
    static void describeDebugFor(CommandLine command) {
        OptionSpec inherited = command.getCommandSpec().findOption("--debug");
        if (inherited == null || !inherited.inherited()) {
            return;
        }
        String description = command.getCommand() instanceof DebugHelp help ? help.debugDescription()
                : DEBUG_SHOWS_STACK_TRACES;
        command.getCommandSpec().remove(inherited);
        command.getCommandSpec().addOption(inherited.toBuilder().description(description).build());
    }
}
