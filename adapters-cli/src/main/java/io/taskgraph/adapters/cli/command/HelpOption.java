package io.taskgraph.adapters.cli.command;

import picocli.CommandLine.Option;

/** {@code -h/--help} for a subcommand (the version flag belongs to the top-level command only). */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
