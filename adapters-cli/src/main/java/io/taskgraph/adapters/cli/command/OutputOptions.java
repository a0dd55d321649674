package io.taskgraph.adapters.cli.command;

import picocli.CommandLine.Option;

/** How much the run prints, and whether an existing output file may be replaced. */
public final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the final summary.")
    boolean quiet;

    @Option(names = {"-f", "--force"}, description = "Overwrite the output file without asking.")
    boolean force;
}
