package io.taskgraph.adapters.cli;

import picocli.CommandLine;

/** Entry point of the {@code taskgraph} command: the CLI's composition root. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TaskgraphCommand()).execute(args));
    }
}
