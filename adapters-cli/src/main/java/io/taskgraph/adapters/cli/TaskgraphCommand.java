package io.taskgraph.adapters.cli;

import picocli.CommandLine.Command;

/** The top-level {@code taskgraph} command; each subcommand is a class of its own. */
@Command(name = "taskgraph", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run LLM agents that do data work as SQL views inside one DuckDB file.")
public final class TaskgraphCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
